import type { OfficeContext } from './office-context.ts';
import type { LedgerCheckpoint, LedgerCheckpoints } from '../contract/contract.ts';
import type { StoredCheckpoint } from '../store/checkpoint-store.ts';
import { checkpointMessage, closedDays } from '../core/checkpoint.ts';

/** What signs: the office's key (store/checkpoint-key.ts). */
export interface CheckpointSigner {
  readonly publicKeyPem: string;
  sign(message: string): string;
}

/**
 * Signs each closed office day's ledger head, once: when the office day turns (the day close)
 * and at start for the days the server was down. A checkpoint is not a change of the office's
 * state, so it is no ledger entry: it is a statement about the ledger, checked by its
 * signature, and it only helps once a copy is saved outside the machine.
 */
export class CheckpointCommands {
  constructor(
    private readonly ctx: OfficeContext,
    private readonly signer: CheckpointSigner,
    private readonly log: (line: string) => void,
  ) {
    // A failed signing must not stop the queue: the next turn of the day, the periodic retry
    // and the next start sign what is still unsigned.
    ctx.calendar.onDayTurned = () => {
      try {
        this.signClosedDays();
      } catch (error) {
        this.log(`ledger checkpoints: cannot sign the closed days (${(error as Error).message})`);
      }
    };
  }

  /** Signs every day before the office day that has entries and no checkpoint; returns them. */
  signClosedDays(): LedgerCheckpoint[] {
    const { store } = this.ctx;
    const today = this.ctx.calendar.day();
    const timeZone = this.ctx.config().timeZone;
    return store.transaction(() => {
      const last = store.checkpoints.last();
      const days = closedDays(
        store.checkpoints.entriesAfter(last?.seq ?? 0),
        last,
        today,
        timeZone,
      );
      const signedMs = this.ctx.now();
      return days.map((day) => {
        const checkpoint: StoredCheckpoint = {
          ...day,
          signature: this.signer.sign(checkpointMessage(day)),
          publicKey: this.signer.publicKeyPem,
          signedMs,
        };
        store.checkpoints.insert(checkpoint);
        return checkpoint;
      });
    });
  }

  /**
   * The published series: the checkpoints this key signed. After a deliberate new key, the old
   * key's checkpoints stay in the database and in the copies saved of them.
   */
  published(): LedgerCheckpoints {
    const key = this.signer.publicKeyPem;
    return {
      publicKey: key,
      checkpoints: this.ctx.store.checkpoints
        .all()
        .filter((c) => c.publicKey === key)
        .map(({ day, seq, count, headHash, signature }) => ({
          day,
          seq,
          count,
          headHash,
          signature,
        })),
    };
  }
}
