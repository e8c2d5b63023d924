package dev.lepton.migrate.testing.gcs;

/** Kinds of JSON API calls that {@link GcsTestServer} counts and can fail on purpose. */
public enum GcsCall {
  /** {@code GET /storage/v1/b/{bucket}}. */
  GET_BUCKET,
  /** {@code POST /storage/v1/b?project=..}. */
  INSERT_BUCKET,
  /** {@code DELETE /storage/v1/b/{bucket}}. */
  DELETE_BUCKET,
  /** {@code GET /storage/v1/b/{bucket}/o}, with prefix, delimiter and paging parameters. */
  LIST_OBJECTS,
  /** {@code GET /storage/v1/b/{bucket}/o/{object}} without {@code alt=media}: metadata only. */
  GET_OBJECT,
  /** Media download, {@code GET /download/storage/v1/b/{bucket}/o/{object}?alt=media}. */
  DOWNLOAD,
  /** {@code POST /upload/storage/v1/b/{bucket}/o?uploadType=multipart}. */
  UPLOAD_MULTIPART,
  /** {@code POST /upload/storage/v1/b/{bucket}/o?uploadType=media}. */
  UPLOAD_MEDIA,
  /** {@code POST /upload/storage/v1/b/{bucket}/o?uploadType=resumable}: opens an upload session. */
  UPLOAD_RESUMABLE_START,
  /** {@code PUT} to a resumable upload session: one chunk, or a status query. */
  UPLOAD_RESUMABLE_CHUNK,
  /** {@code DELETE} of a resumable upload session. */
  UPLOAD_RESUMABLE_CANCEL,
  /** {@code POST .../o/{source}/rewriteTo/b/{bucket}/o/{destination}}. */
  REWRITE_OBJECT,
  /** {@code POST .../o/{source}/copyTo/b/{bucket}/o/{destination}}. */
  COPY_OBJECT,
  /** {@code POST .../o/{destination}/compose}. */
  COMPOSE_OBJECT,
  /** {@code PATCH /storage/v1/b/{bucket}/o/{object}}. */
  PATCH_OBJECT,
  /** {@code PUT /storage/v1/b/{bucket}/o/{object}}: full metadata update. */
  UPDATE_OBJECT,
  /** {@code DELETE /storage/v1/b/{bucket}/o/{object}}. */
  DELETE_OBJECT,
  /** {@code POST /batch/storage/v1}; each request inside is also counted under its own kind. */
  BATCH,
  /** Any request the server does not implement, which gets status 501. */
  UNSUPPORTED
}
