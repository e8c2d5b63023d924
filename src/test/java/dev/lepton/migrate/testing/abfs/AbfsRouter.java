package dev.lepton.migrate.testing.abfs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.lepton.migrate.testing.http.CallCounters;
import dev.lepton.migrate.testing.http.FaultInjector;
import java.io.IOException;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authenticates each request with Shared Key, counts it, fails it with an injected fault if one is
 * pending for its kind, and otherwise passes it to the handler of its kind. Errors become the
 * service's error responses: {@code x-ms-error-code} and, except for HEAD, a JSON body.
 */
final class AbfsRouter implements HttpHandler {
  private static final Logger LOG = LoggerFactory.getLogger(AbfsRouter.class);
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String DEFAULT_VERSION = "2019-12-12";

  private final SharedKeyAuthenticator authenticator;
  private final CallCounters<AbfsCall> counters;
  private final FaultInjector<AbfsCall> faults;
  private final FilesystemHandler filesystems;
  private final PathHandler paths;
  private final LeaseHandler leases;

  AbfsRouter(
      DfsNamespace namespace, TreeChanges treeChanges, SharedKeyAuthenticator authenticator,
      CallCounters<AbfsCall> counters, FaultInjector<AbfsCall> faults) {
    this.authenticator = authenticator;
    this.counters = counters;
    this.faults = faults;
    this.filesystems = new FilesystemHandler(namespace);
    this.paths = new PathHandler(namespace, treeChanges);
    this.leases = new LeaseHandler(namespace);
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String version = exchange.getRequestHeaders().getFirst("x-ms-version");
      DfsResponse response =
          new DfsResponse(exchange, UUID.randomUUID().toString(), version == null ? DEFAULT_VERSION : version);
      DfsRequest request;
      try {
        request =
            new DfsRequest(
                exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders(), exchange.getRequestBody());
      } catch (DfsException e) {
        counters.record(AbfsCall.UNSUPPORTED, exchange.getRequestMethod() + " " + exchange.getRequestURI());
        sendError(response, e);
        return;
      }
      serve(request, response);
    } catch (IOException | RuntimeException e) {
      LOG.warn("Cannot answer {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
    }
  }

  private void serve(DfsRequest request, DfsResponse response) throws IOException {
    AbfsCall call = classify(request);
    counters.record(call, request.requestLine());
    LOG.debug("{} {}", call, request.requestLine());
    try {
      authenticator.authenticate(request);
      int faultStatus = faults.take(call);
      if (faultStatus != 0) {
        counters.recordFault(call);
        throw new DfsException(faultStatus, DfsException.codeForStatus(faultStatus), "Injected fault for " + call);
      }
      dispatch(call, request, response);
    } catch (DfsException e) {
      request.drainBody();
      if (!response.committed()) {
        sendError(response, e);
      }
    }
  }

  private void dispatch(AbfsCall call, DfsRequest request, DfsResponse response) throws IOException {
    switch (call) {
      case CREATE_FILESYSTEM -> filesystems.create(request, response);
      case GET_FILESYSTEM_PROPERTIES -> filesystems.getProperties(request, response);
      case SET_FILESYSTEM_PROPERTIES -> filesystems.setProperties(request, response);
      case DELETE_FILESYSTEM -> filesystems.delete(request, response);
      case LIST_PATHS -> filesystems.list(request, response);
      case CREATE_FILE -> paths.create(request, response, false);
      case CREATE_DIRECTORY -> paths.create(request, response, true);
      case RENAME -> paths.rename(request, response);
      case APPEND -> paths.append(request, response);
      case FLUSH -> paths.flush(request, response);
      case SET_PROPERTIES -> paths.setProperties(request, response);
      case SET_ACCESS_CONTROL -> paths.setAccessControl(request, response);
      case GET_ACCESS_CONTROL -> paths.getStatus(request, response, true);
      case GET_STATUS -> paths.getStatus(request, response, false);
      case READ -> paths.read(request, response);
      case DELETE -> paths.delete(request, response);
      case LEASE -> leases.lease(request, response);
      case UNSUPPORTED -> {
        LOG.warn("Unsupported request: {}", request.requestLine());
        throw new DfsException(
            400, "UnsupportedRequest", "Not implemented by the test server: " + request.requestLine());
      }
    }
  }

  /** Classifies a request by method, {@code resource}, {@code action} and the headers that select an operation. */
  static AbfsCall classify(DfsRequest request) {
    String method = request.method();
    if (request.filesystem().isEmpty()) {
      return AbfsCall.UNSUPPORTED;
    }
    if ("filesystem".equals(request.param("resource")) && request.path().isEmpty()) {
      return switch (method) {
        case "PUT" -> AbfsCall.CREATE_FILESYSTEM;
        case "HEAD" -> AbfsCall.GET_FILESYSTEM_PROPERTIES;
        case "PATCH" -> AbfsCall.SET_FILESYSTEM_PROPERTIES;
        case "DELETE" -> AbfsCall.DELETE_FILESYSTEM;
        case "GET" -> AbfsCall.LIST_PATHS;
        default -> AbfsCall.UNSUPPORTED;
      };
    }
    String action = request.param("action");
    return switch (method) {
      case "PUT" -> classifyPut(request);
      case "PATCH" -> switch (action == null ? "" : action) {
        case "append" -> AbfsCall.APPEND;
        case "flush" -> AbfsCall.FLUSH;
        case "setProperties" -> AbfsCall.SET_PROPERTIES;
        case "setAccessControl" -> AbfsCall.SET_ACCESS_CONTROL;
        default -> AbfsCall.UNSUPPORTED;
      };
      case "HEAD" -> "getAccessControl".equals(action) ? AbfsCall.GET_ACCESS_CONTROL : AbfsCall.GET_STATUS;
      case "GET" -> AbfsCall.READ;
      case "DELETE" -> AbfsCall.DELETE;
      case "POST" -> request.header("x-ms-lease-action") != null ? AbfsCall.LEASE : AbfsCall.UNSUPPORTED;
      default -> AbfsCall.UNSUPPORTED;
    };
  }

  private static AbfsCall classifyPut(DfsRequest request) {
    if (request.header("x-ms-rename-source") != null) {
      return AbfsCall.RENAME;
    }
    String resource = request.param("resource");
    if ("file".equals(resource)) {
      return AbfsCall.CREATE_FILE;
    }
    return "directory".equals(resource) ? AbfsCall.CREATE_DIRECTORY : AbfsCall.UNSUPPORTED;
  }

  private static void sendError(DfsResponse response, DfsException error) throws IOException {
    response.header("x-ms-error-code", error.code());
    if (response.isHead()) {
      response.send(error.status());
      return;
    }
    ObjectNode body = MAPPER.createObjectNode();
    ObjectNode detail = body.putObject("error");
    detail.put("code", error.code());
    detail.put("message", error.getMessage() + "\nTime:" + Instant.now());
    response.sendJson(error.status(), MAPPER.writeValueAsBytes(body));
  }
}
