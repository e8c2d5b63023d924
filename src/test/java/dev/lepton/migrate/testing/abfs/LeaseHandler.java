package dev.lepton.migrate.testing.abfs;

import java.io.IOException;
import java.time.Instant;
import java.util.UUID;

/**
 * Lease calls ({@code POST} with {@code x-ms-lease-action}): acquire, renew, change, release and
 * break, with the blob service's 409 error codes for actions that do not fit the lease state.
 */
final class LeaseHandler {
  private final DfsNamespace namespace;

  LeaseHandler(DfsNamespace namespace) {
    this.namespace = namespace;
  }

  void lease(DfsRequest request, DfsResponse response) throws IOException {
    String action = request.header("x-ms-lease-action");
    int status;
    DfsEntryView view;
    synchronized (namespace) {
      DfsEntry entry = namespace.require(request.filesystem(), request.path());
      Instant now = Instant.now();
      status = switch (action == null ? "" : action) {
        case "acquire" -> acquire(request, response, entry.lease, now);
        case "renew" -> renew(request, response, entry.lease, now);
        case "change" -> change(request, response, entry.lease, now);
        case "release" -> release(request, entry.lease, now);
        case "break" -> breakLease(request, response, entry.lease, now);
        default -> throw DfsException.invalidHeader("x-ms-lease-action", action);
      };
      view = DfsEntryView.of(entry);
    }
    response.header("ETag", Etags.quoted(view.etag())).date("Last-Modified", view.lastModified());
    response.send(status);
  }

  private static int acquire(DfsRequest request, DfsResponse response, Lease lease, Instant now) {
    long duration = duration(request.header("x-ms-lease-duration"));
    String proposed = request.header("x-ms-proposed-lease-id");
    String leaseId = proposed == null ? UUID.randomUUID().toString() : validLeaseId(proposed);
    Lease.State state = lease.state(now);
    if (state == Lease.State.BREAKING) {
      throw conflict("LeaseIsBreakingAndCannotBeAcquired", "The lease is being broken and cannot be acquired");
    }
    if (state == Lease.State.LEASED && !leaseId.equals(lease.id())) {
      throw conflict("LeaseAlreadyPresent", "The path already has an active lease");
    }
    lease.acquire(leaseId, duration, now);
    response.header("x-ms-lease-id", leaseId);
    return 201;
  }

  private static int renew(DfsRequest request, DfsResponse response, Lease lease, Instant now) {
    String leaseId = requiredLeaseId(request);
    checkHeld(lease, leaseId, now);
    if (lease.state(now) == Lease.State.BROKEN || lease.state(now) == Lease.State.BREAKING) {
      throw conflict("LeaseIsBrokenAndCannotBeRenewed", "The lease was broken and cannot be renewed");
    }
    lease.renew(now);
    response.header("x-ms-lease-id", leaseId);
    return 200;
  }

  private static int change(DfsRequest request, DfsResponse response, Lease lease, Instant now) {
    String leaseId = requiredLeaseId(request);
    String proposed = request.header("x-ms-proposed-lease-id");
    if (proposed == null) {
      throw new DfsException(400, "MissingRequiredHeader", "A lease change needs x-ms-proposed-lease-id");
    }
    if (lease.state(now) == Lease.State.BREAKING) {
      throw conflict("LeaseIsBreakingAndCannotBeChanged", "The lease is being broken and cannot be changed");
    }
    if (!validLeaseId(proposed).equals(lease.id())) {
      checkHeld(lease, leaseId, now);
      lease.changeId(proposed);
    }
    response.header("x-ms-lease-id", proposed);
    return 200;
  }

  private static int release(DfsRequest request, Lease lease, Instant now) {
    checkHeld(lease, requiredLeaseId(request), now);
    lease.release();
    return 200;
  }

  private static int breakLease(DfsRequest request, DfsResponse response, Lease lease, Instant now) {
    if (lease.state(now) == Lease.State.AVAILABLE) {
      throw conflict("LeaseNotPresentWithLeaseOperation", "The path has no lease to break");
    }
    String period = request.header("x-ms-lease-break-period");
    Long seconds = null;
    if (period != null) {
      seconds = parseSeconds("x-ms-lease-break-period", period);
      if (seconds < 0 || seconds > 60) {
        throw DfsException.invalidHeader("x-ms-lease-break-period", period);
      }
    }
    response.header("x-ms-lease-time", Long.toString(lease.breakLease(now, seconds)));
    return 202;
  }

  /** Checks that a lease exists and that {@code leaseId} is its id. */
  private static void checkHeld(Lease lease, String leaseId, Instant now) {
    if (lease.state(now) == Lease.State.AVAILABLE) {
      throw conflict("LeaseNotPresentWithLeaseOperation", "The path has no lease");
    }
    if (!leaseId.equals(lease.id())) {
      throw conflict("LeaseIdMismatchWithLeaseOperation", "The lease id does not match the path's lease");
    }
  }

  private static long duration(String header) {
    if (header == null) {
      throw new DfsException(400, "MissingRequiredHeader", "Acquiring a lease needs x-ms-lease-duration");
    }
    long seconds = parseSeconds("x-ms-lease-duration", header);
    if (seconds != Lease.INFINITE && (seconds < 15 || seconds > 60)) {
      throw DfsException.invalidHeader("x-ms-lease-duration", header);
    }
    return seconds;
  }

  private static long parseSeconds(String header, String value) {
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw DfsException.invalidHeader(header, value);
    }
  }

  private static String requiredLeaseId(DfsRequest request) {
    String leaseId = request.header("x-ms-lease-id");
    if (leaseId == null) {
      throw new DfsException(400, "MissingRequiredHeader", "This lease action needs x-ms-lease-id");
    }
    return leaseId;
  }

  private static String validLeaseId(String leaseId) {
    try {
      UUID.fromString(leaseId);
      return leaseId;
    } catch (IllegalArgumentException e) {
      throw DfsException.invalidHeader("x-ms-proposed-lease-id", leaseId);
    }
  }

  private static DfsException conflict(String code, String message) {
    return new DfsException(409, code, message);
  }
}
