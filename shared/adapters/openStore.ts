/** Opens a BlobStore for a location URI: `s3://bucket/prefix/` or a local folder. */
import { parseLocation, type BlobStore } from '#shared/ports/blobStore';
import { LocalFolderStore } from './localFolderStore.ts';
import { S3Store } from './s3Store.ts';

export function openStore(uri: string): BlobStore {
  const loc = parseLocation(uri);
  return loc.kind === 's3' ? new S3Store(loc.bucket, loc.prefix) : new LocalFolderStore(loc.dir);
}
