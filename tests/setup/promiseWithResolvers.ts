// aws-local-stepfunctions@3 calls Promise.withResolvers (Node 22+); npm scripts run Node 22, this covers Node 20.
if (typeof (Promise as { withResolvers?: unknown }).withResolvers !== 'function') {
  Object.assign(Promise, {
    withResolvers<T>() {
      let resolve!: (v: T) => void;
      let reject!: (e: unknown) => void;
      const promise = new Promise<T>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      return { promise, resolve, reject };
    },
  });
}

// Stage logs repeat what the assertions check; keep test output readable.
process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';
