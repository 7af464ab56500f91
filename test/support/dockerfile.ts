import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import dockerignoreModule, { type Ignore } from "@balena/dockerignore";
import { DockerfileParser, type Instruction } from "dockerfile-ast";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));

export interface Stage {
  readonly name: string;
  /** Every instruction after the stage's FROM, in order. */
  readonly instructions: readonly Instruction[];
}

export interface ParsedDockerfile {
  readonly text: string;
  readonly stages: readonly Stage[];
  /** The last stage: what the image runs. */
  readonly runtime: Stage;
}

/** The repository's Dockerfile, parsed by dockerfile-ast (the parser of the Dockerfile language server). */
export async function readDockerfile(): Promise<ParsedDockerfile> {
  const text = await readFile(`${ROOT}Dockerfile`, "utf8");
  const stages: { name: string; instructions: Instruction[] }[] = [];
  for (const instruction of DockerfileParser.parse(text).getInstructions()) {
    if (instruction.getKeyword() === "FROM") {
      const args = instruction.getArguments().map((arg) => arg.getValue());
      stages.push({ name: args[2] ?? String(stages.length), instructions: [] });
    } else {
      stages.at(-1)?.instructions.push(instruction);
    }
  }
  const runtime = stages.at(-1);
  if (!runtime) throw new Error("the Dockerfile has no FROM");
  return { text, stages, runtime };
}

/** The instructions of a stage with this keyword. */
export function instructionsOf(stage: Stage, keyword: string): Instruction[] {
  return stage.instructions.filter((instruction) => instruction.getKeyword() === keyword);
}

/** The argv of an exec-form instruction (CMD, ENTRYPOINT, HEALTHCHECK CMD): `["a", "b"]`. */
export function execForm(instruction: Instruction): string[] {
  const content = instruction.getArgumentsContent() ?? "";
  const json = instruction.getKeyword() === "HEALTHCHECK" ? content.replace(/^CMD\s+/, "") : content;
  const argv: unknown = JSON.parse(json);
  if (!Array.isArray(argv) || !argv.every((part) => typeof part === "string")) {
    throw new Error(`${instruction.getKeyword()} is not in exec form: ${content}`);
  }
  return argv;
}

/** The files of a clean checkout that .dockerignore lets into the build context. */
export async function contextFiles(): Promise<string[]> {
  const { stdout } = await promisify(execFile)(
    "git",
    ["ls-files", "--cached", "--others", "--exclude-standard"],
    {
      cwd: ROOT,
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  return (await dockerignore()).filter(stdout.split("\n").filter(Boolean));
}

/** .dockerignore as Docker reads it (@balena/dockerignore follows Docker's own matching rules). */
export async function dockerignore(): Promise<Ignore> {
  // CommonJS: Node hands over module.exports, whose `default` is the factory the types describe.
  const ignore = dockerignoreModule.default;
  return ignore().add(await readFile(`${ROOT}.dockerignore`, "utf8"));
}
