/**
 * Teardown steps run last in, first out, so a server is always closed before the
 * directory it writes to is removed (the order they were set up in, reversed).
 */
export class CleanupStack {
  private readonly steps: (() => unknown)[] = [];

  push(step: () => unknown): void {
    this.steps.push(step);
  }

  async run(): Promise<void> {
    while (this.steps.length > 0) await this.steps.pop()!();
  }
}
