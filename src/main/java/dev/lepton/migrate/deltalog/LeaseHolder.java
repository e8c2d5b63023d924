package dev.lepton.migrate.deltalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * The content of one lease file: who holds a resource and until when.
 *
 * @param resource what the lease protects, such as {@code table sales/orders}
 * @param generation the lease's number; each new holder takes the next one
 * @param released whether the holder gave the lease up before it expired
 */
public record LeaseHolder(
    String resource,
    String owner,
    String host,
    String runId,
    Instant acquired,
    Instant expires,
    long generation,
    boolean released) {

  public LeaseHolder {
    if (resource == null || runId == null || acquired == null || expires == null || generation < 1) {
      throw new IllegalArgumentException("A lease needs a resource, a run id, times and a generation");
    }
  }

  /** Returns whether another run must wait for this lease at {@code now}. */
  public boolean blocks(Instant now) {
    return !released && now.isBefore(expires);
  }

  LeaseHolder withExpires(Instant newExpires) {
    return new LeaseHolder(resource, owner, host, runId, acquired, newExpires, generation, released);
  }

  LeaseHolder releasedAt(Instant now) {
    return new LeaseHolder(resource, owner, host, runId, acquired, now, generation, true);
  }

  /** Describes the holder for messages: "run R on host H (owner O), acquired A, expires E". */
  public String describe() {
    return "run " + runId + " on host " + host + " (owner " + owner + "), acquired " + acquired
        + ", expires " + expires;
  }

  byte[] toJson() {
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.put("resource", resource);
    node.put("owner", owner);
    node.put("host", host);
    node.put("run_id", runId);
    node.put("acquired", acquired.toString());
    node.put("expires", expires.toString());
    node.put("generation", generation);
    node.put("released", released);
    try {
      return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(node);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("Cannot render a lease as JSON", e);
    }
  }

  static LeaseHolder fromJson(JsonNode node) {
    return new LeaseHolder(
        node.path("resource").asText(null),
        node.path("owner").asText(""),
        node.path("host").asText(""),
        node.path("run_id").asText(null),
        Instant.parse(node.path("acquired").asText()),
        Instant.parse(node.path("expires").asText()),
        node.path("generation").asLong(0),
        node.path("released").asBoolean(false));
  }
}
