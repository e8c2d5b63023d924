package dev.lepton.migrate.testing.abfs;

/** Kinds of DFS REST calls that {@link AbfsTestServer} counts and can fail on purpose. */
public enum AbfsCall {
  /** {@code PUT ?resource=filesystem}. */
  CREATE_FILESYSTEM,
  /** {@code HEAD ?resource=filesystem}. */
  GET_FILESYSTEM_PROPERTIES,
  /** {@code PATCH ?resource=filesystem}. */
  SET_FILESYSTEM_PROPERTIES,
  /** {@code DELETE ?resource=filesystem}. */
  DELETE_FILESYSTEM,
  /** {@code GET ?resource=filesystem&directory=..&recursive=..}: list paths. */
  LIST_PATHS,
  /** {@code PUT path?resource=file}. */
  CREATE_FILE,
  /** {@code PUT path?resource=directory}. */
  CREATE_DIRECTORY,
  /** {@code PUT path} with {@code x-ms-rename-source}. */
  RENAME,
  /** {@code PATCH path?action=append&position=..}. */
  APPEND,
  /** {@code PATCH path?action=flush&position=..}. */
  FLUSH,
  /** {@code PATCH path?action=setProperties}. */
  SET_PROPERTIES,
  /** {@code PATCH path?action=setAccessControl}. */
  SET_ACCESS_CONTROL,
  /** {@code HEAD path?action=getAccessControl}. */
  GET_ACCESS_CONTROL,
  /** {@code HEAD path}, with or without {@code action=getStatus}. */
  GET_STATUS,
  /** {@code GET path}, usually with a {@code Range} header. */
  READ,
  /** {@code DELETE path?recursive=..}. */
  DELETE,
  /** {@code POST path} with {@code x-ms-lease-action}. */
  LEASE,
  /** Any request the server does not implement, which gets status 400. */
  UNSUPPORTED
}
