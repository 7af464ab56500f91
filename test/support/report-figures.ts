/**
 * Prints one JSON line of figures from a scale test (operations run, leaks, answers seen), so that
 * a long run leaves its numbers in the output that docs/RELIABILITY.md quotes.
 */
export function reportFigures(name: string, figures: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify({ figures: name, ...figures })}\n`);
}
