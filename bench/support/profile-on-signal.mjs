/* global process */
// Imported into a bench gateway (node --import): SIGURG starts a CPU profile, the next SIGURG stops
// it and writes it to $BENCH_PROFILE_DIR, then one line with its path, so that a bench profiles only
// the stretch it measures (a fan-out, say) and not the gateway's start or its set-up.
import { Session } from "node:inspector/promises";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";

const session = new Session();
session.connect();
let running = false;
let count = 0;
process.on("SIGURG", () => {
  void (async () => {
    if (!running) {
      running = true;
      await session.post("Profiler.enable");
      await session.post("Profiler.setSamplingInterval", { interval: 200 });
      await session.post("Profiler.start");
      process.stderr.write("profile-started\n");
      return;
    }
    running = false;
    const { profile } = await session.post("Profiler.stop");
    const file = join(process.env.BENCH_PROFILE_DIR ?? "/tmp", `push-${process.pid}-${count++}.cpuprofile`);
    await writeFile(file, JSON.stringify(profile));
    process.stderr.write(`profile-written ${file}\n`);
  })();
});
