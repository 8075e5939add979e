package dev.lightspeedsync.client.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.DELETE;
import retrofit2.http.GET;
import retrofit2.http.POST;
import retrofit2.http.PUT;
import retrofit2.http.Tag;
import retrofit2.http.Url;

/**
 * The Retrofit interface behind both clients. URLs are built (and for R-Series lists, followed)
 * by our own code so that their encoding is exact; Retrofit contributes the call machinery, the
 * Jackson converter and the {@link RequestSpec} tag that interceptors can read.
 */
public interface RawApi {
  @GET
  Call<JsonNode> get(@Url String url, @Tag RequestSpec spec);

  @PUT
  Call<JsonNode> put(@Url String url, @Body JsonNode body, @Tag RequestSpec spec);

  @POST
  Call<JsonNode> post(@Url String url, @Body JsonNode body, @Tag RequestSpec spec);

  @DELETE
  Call<JsonNode> delete(@Url String url, @Tag RequestSpec spec);
}
