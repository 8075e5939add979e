package dev.lightspeedsync.client.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.DELETE;
import retrofit2.http.GET;
import retrofit2.http.POST;
import retrofit2.http.PUT;
import retrofit2.http.Streaming;
import retrofit2.http.Tag;
import retrofit2.http.Url;

/**
 * The Retrofit interface behind the clients. URLs are built (and for R-Series lists, followed)
 * by our own code so that their encoding is exact; Retrofit contributes the call machinery, the
 * request body converter and the {@link RequestSpec} tag that interceptors can read. Response bodies
 * are streamed, not converted: the {@link Transport} reads them itself with a size cap and tells a
 * truncated body from a malformed one.
 */
public interface RawApi {
  @GET
  @Streaming
  Call<ResponseBody> get(@Url String url, @Tag RequestSpec spec, @Tag WriteProgress progress);

  @PUT
  @Streaming
  Call<ResponseBody> put(@Url String url, @Body JsonNode body, @Tag RequestSpec spec, @Tag WriteProgress progress);

  @POST
  @Streaming
  Call<ResponseBody> post(@Url String url, @Body JsonNode body, @Tag RequestSpec spec, @Tag WriteProgress progress);

  @DELETE
  @Streaming
  Call<ResponseBody> delete(@Url String url, @Tag RequestSpec spec, @Tag WriteProgress progress);
}
