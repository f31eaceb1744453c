/** One benchmark result, printed as one JSON line; `baseline` was measured in the same run. */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  baseline: number;
}

const round = (x: number): number => Math.round(x * 100) / 100;

/** stdout carries only figures, so a script can read the bench's output line by line. */
export function printFigure(figure: Figure): void {
  const line = {
    name: figure.name,
    value: round(figure.value),
    unit: figure.unit,
    baseline: round(figure.baseline),
  };
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

/** Diagnostics go to stderr, never between the figures. */
export function note(text: string): void {
  process.stderr.write(`[bench] ${text}\n`);
}
