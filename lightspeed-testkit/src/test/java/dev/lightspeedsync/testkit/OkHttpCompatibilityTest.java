package dev.lightspeedsync.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import okhttp3.FormBody;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client's transport (OkHttp 5, no silent retries) against the fake: paging, writes, tokens, faults. */
class OkHttpCompatibilityTest {
  private LightspeedTestServer server;
  private OkHttpClient ok;

  @BeforeEach
  void start() {
    server = LightspeedTestServer.start(TestkitConfig.builder().items(700).unlimited()
        .timeSource(new ManualTimeSource()).build());
    ok = new OkHttpClient.Builder().retryOnConnectionFailure(false).build();
  }

  @AfterEach
  void stop() {
    server.close();
    ok.dispatcher().executorService().shutdown();
    ok.connectionPool().evictAll();
  }

  private Request.Builder get(String url) {
    return new Request.Builder().url(url).header("Authorization", "Bearer " + server.retailCredentials().accessToken());
  }

  private JsonNode call(Request request) throws IOException {
    try (Response r = ok.newCall(request).execute()) {
      assertThat(r.code()).isEqualTo(200);
      assertThat(r.header("cf-ray")).isNotBlank();
      return Http.MAPPER.readTree(r.body().string());
    }
  }

  @Test
  void pagesWritesAndTokensOverOkHttp() throws IOException {
    Set<Long> ids = new HashSet<>();
    String url = server.retailAccountUrl() + "Item.json?archived=true&load_relations=%5B%22ItemShops%22%5D";
    while (!url.isEmpty()) {
      JsonNode page = call(get(url).build());
      Http.many(page.get("Item")).forEach(n -> ids.add(n.get("itemID").asLong()));
      url = page.at("/@attributes/next").asText();
    }
    assertThat(ids).hasSize(700);
    JsonNode put = call(get(server.retailAccountUrl() + "Item/5.json").put(RequestBody.create(
        "{\"description\":\"Via OkHttp\"}", MediaType.get("application/json"))).build());
    assertThat(put.at("/Item/description").asText()).isEqualTo("Via OkHttp");
    RetailCredentials c = server.retailCredentials();
    JsonNode token = call(new Request.Builder().url(server.tokenUrl().toString()).post(new FormBody.Builder()
        .add("grant_type", "refresh_token").add("client_id", c.clientId()).add("client_secret", c.clientSecret())
        .add("refresh_token", c.refreshToken()).build()).build());
    assertThat(token.get("refresh_token").asText()).isNotEqualTo(c.refreshToken());
  }

  @Test
  void faultsSurfaceAsOkHttpErrors() throws IOException {
    String url = server.retailAccountUrl() + "Item.json";
    server.injectNext(Fault.DROP_CONNECTION);
    assertThatThrownBy(() -> ok.newCall(get(url).build()).execute().close()).isInstanceOf(IOException.class);
    server.injectNext(Fault.TRUNCATED_BODY);
    assertThatThrownBy(() -> {
      try (Response r = ok.newCall(get(url).build()).execute()) {
        r.body().string();
      }
    }).isInstanceOf(IOException.class);
    server.injectNext(Fault.SERVER_ERROR);
    try (Response r = ok.newCall(get(url).build()).execute()) {
      assertThat(r.code()).isIn(500, 502, 503);
    }
    assertThat(call(get(url).build()).get("Item")).hasSize(100);
  }
}
