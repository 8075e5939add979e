package dev.lightspeedsync.client.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import okhttp3.Headers;

/** A successful response: its status, headers and JSON body. */
public record ApiResponse(int status, Headers headers, JsonNode body) {}
