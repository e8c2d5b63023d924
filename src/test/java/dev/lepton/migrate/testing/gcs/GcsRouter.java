package dev.lepton.migrate.testing.gcs;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.lepton.migrate.testing.http.CallCounters;
import dev.lepton.migrate.testing.http.FaultInjector;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts each request, fails it with an injected fault if one is pending for its kind, and
 * otherwise passes it to the handler of its kind. Errors become the API's JSON error bodies.
 */
final class GcsRouter implements HttpHandler {
  private static final Logger LOG = LoggerFactory.getLogger(GcsRouter.class);

  private final CallCounters<GcsCall> counters;
  private final FaultInjector<GcsCall> faults;
  private final GcsBuckets buckets;
  private final GcsReads reads;
  private final GcsUploads uploads;
  private final ResumableUploads resumableUploads;
  private final GcsObjectWrites writes;
  private final GcsBatch batch;

  GcsRouter(GcsObjectStore store, String rootUrl, CallCounters<GcsCall> counters, FaultInjector<GcsCall> faults) {
    this.counters = counters;
    this.faults = faults;
    this.buckets = new GcsBuckets(store, rootUrl);
    this.reads = new GcsReads(store, rootUrl);
    this.uploads = new GcsUploads(store, rootUrl);
    this.resumableUploads = new ResumableUploads(store, rootUrl);
    this.writes = new GcsObjectWrites(store, rootUrl);
    this.batch = new GcsBatch(this);
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      GcsRequest request =
          new GcsRequest(
              exchange.getRequestMethod(),
              exchange.getRequestURI().getRawPath(),
              exchange.getRequestURI().getRawQuery(),
              exchange.getRequestHeaders(),
              exchange.getRequestBody());
      dispatch(request, new ExchangeResponse(exchange), true);
    } catch (IOException | RuntimeException e) {
      LOG.warn("Cannot answer {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
    }
  }

  /** Serves one request; {@code batchAllowed} is false for the requests inside a batch. */
  void dispatch(GcsRequest request, GcsResponse response, boolean batchAllowed) throws IOException {
    GcsRoute route;
    try {
      route = GcsRoute.of(request);
    } catch (GcsApiException e) {
      route = new GcsRoute(GcsCall.UNSUPPORTED, null, null, null, null);
    }
    counters.record(route.call(), request.requestLine());
    LOG.debug("{} {}", route.call(), request.requestLine());
    int faultStatus = faults.take(route.call());
    if (faultStatus != 0) {
      counters.recordFault(route.call());
      request.drainBody();
      sendError(response, faultStatus, GcsApiException.reasonForStatus(faultStatus), "Injected fault for " + route.call());
      return;
    }
    try {
      serve(request, route, response, batchAllowed);
    } catch (GcsApiException e) {
      request.drainBody();
      if (!response.committed()) {
        sendError(response, e.status(), e.reason(), e.getMessage());
      }
    }
  }

  private void serve(GcsRequest request, GcsRoute route, GcsResponse response, boolean batchAllowed)
      throws IOException {
    switch (route.call()) {
      case GET_BUCKET -> buckets.get(request, route, response);
      case INSERT_BUCKET -> buckets.insert(request, response);
      case DELETE_BUCKET -> buckets.delete(route, response);
      case LIST_OBJECTS -> reads.list(request, route, response);
      case GET_OBJECT -> reads.getObject(request, route, response);
      case DOWNLOAD -> reads.download(request, route, response);
      case UPLOAD_MULTIPART -> uploads.multipart(request, route, response);
      case UPLOAD_MEDIA -> uploads.media(request, route, response);
      case UPLOAD_RESUMABLE_START -> resumableUploads.start(request, route, response);
      case UPLOAD_RESUMABLE_CHUNK -> resumableUploads.chunk(request, response);
      case UPLOAD_RESUMABLE_CANCEL -> resumableUploads.cancel(request, response);
      case REWRITE_OBJECT -> writes.rewrite(request, route, response);
      case COPY_OBJECT -> writes.copy(request, route, response);
      case COMPOSE_OBJECT -> writes.compose(request, route, response);
      case PATCH_OBJECT -> writes.patch(request, route, response);
      case UPDATE_OBJECT -> writes.update(request, route, response);
      case DELETE_OBJECT -> writes.delete(request, route, response);
      case BATCH -> {
        if (!batchAllowed) {
          throw GcsApiException.invalid("A batch cannot contain another batch");
        }
        batch.serve(request, response);
      }
      case UNSUPPORTED -> {
        LOG.warn("Unsupported request: {}", request.requestLine());
        throw new GcsApiException(501, "notImplemented", "Not implemented by the test server: " + request.requestLine());
      }
    }
  }

  static void sendError(GcsResponse response, int status, String reason, String message)
      throws IOException {
    byte[] body = GcsJson.MAPPER.writeValueAsString(GcsJson.error(status, reason, message))
        .getBytes(StandardCharsets.UTF_8);
    response.send(status, GcsJson.CONTENT_TYPE, body);
  }
}
