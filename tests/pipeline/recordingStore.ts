/** A local work folder that records every key (and listed prefix) read: for tests that pin what a stage reads. */
import { LocalFolderStore } from '#shared/adapters/localFolderStore';
import type { BlobStore } from '#shared/ports/blobStore';

export function recordingStore(dir: string): { store: BlobStore; reads: string[] } {
  const store = new LocalFolderStore(dir);
  const reads: string[] = [];
  const read = store.read.bind(store);
  const readText = store.readText.bind(store);
  const list = store.list.bind(store);
  store.read = (key) => (reads.push(key), read(key));
  store.readText = (key) => (reads.push(key), readText(key));
  store.list = (prefix) => (reads.push(prefix), list(prefix));
  return { store, reads };
}
