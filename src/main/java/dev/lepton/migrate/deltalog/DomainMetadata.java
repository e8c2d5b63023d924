package dev.lepton.migrate.deltalog;

/**
 * A {@code domainMetadata} action: the configuration of one named metadata domain.
 *
 * @param domain the domain name; names starting with {@code delta.} belong to Delta itself
 * @param configuration the domain's configuration text
 * @param removed true when the action deletes the domain
 */
public record DomainMetadata(String domain, String configuration, boolean removed)
    implements Action {

  public DomainMetadata {
    if (domain == null) {
      throw new IllegalArgumentException("domainMetadata action has no domain");
    }
    configuration = configuration == null ? "" : configuration;
  }
}
