/**
 * An async-iterable queue with a bound: a consumer that falls more than `capacity` items behind
 * loses them all and is told so once (`overflowed`), instead of the process buffering without end.
 */
export class BoundedQueue<T> implements AsyncIterable<T | typeof OVERFLOWED> {
  private items: (T | typeof OVERFLOWED)[] = [];
  private waiting: ((result: IteratorResult<T | typeof OVERFLOWED>) => void) | undefined;
  private closed = false;

  constructor(private readonly capacity: number) {}

  push(item: T): void {
    if (this.closed) return;
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = undefined;
      resolve({ value: item, done: false });
      return;
    }
    if (this.items.length >= this.capacity) {
      this.items = [OVERFLOWED];
      return;
    }
    if (this.items[0] === OVERFLOWED && this.items.length === 1) return;
    this.items.push(item);
  }

  close(): void {
    this.closed = true;
    this.items = [];
    this.waiting?.({ value: undefined, done: true });
    this.waiting = undefined;
  }

  [Symbol.asyncIterator](): AsyncIterator<T | typeof OVERFLOWED> {
    return {
      next: () => {
        const item = this.items.shift();
        if (item !== undefined) return Promise.resolve({ value: item, done: false });
        if (this.closed) return Promise.resolve({ value: undefined, done: true });
        return new Promise((resolve) => {
          this.waiting = resolve;
        });
      },
      return: () => {
        this.close();
        return Promise.resolve({ value: undefined, done: true });
      },
    };
  }
}

export const OVERFLOWED: unique symbol = Symbol("overflowed");
