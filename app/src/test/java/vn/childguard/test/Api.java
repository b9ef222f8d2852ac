package vn.childguard.test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real HTTP client against the running test server, for the JSON API. */
public final class Api {

    public record Response(int status, String contentType, JsonNode body) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    public Api(int port) {
        this.base = "http://localhost:" + port;
    }

    public Response post(String path, Object body, String bearer) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(request.build());
    }

    public Response get(String path, String bearer) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(request.build());
    }

    public Response delete(String path, String bearer) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE()
                .header("Authorization", "Bearer " + bearer).build());
    }

    /** A download: status, content type and the raw bytes. */
    public record Download(int status, String contentType, byte[] body) {
    }

    public Download download(String path, String bearer) throws IOException, InterruptedException {
        var response = http.send(HttpRequest.newBuilder(URI.create(base + path)).GET()
                .header("Authorization", "Bearer " + bearer).build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Download(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body());
    }

    private Response send(HttpRequest request) throws IOException, InterruptedException {
        var response = http.send(request, HttpResponse.BodyHandlers.ofString());
        String type = response.headers().firstValue("Content-Type").orElse("");
        JsonNode body = response.body().isBlank() ? null : JSON.readTree(response.body());
        return new Response(response.statusCode(), type, body);
    }

    public String token(String username, String password) throws IOException, InterruptedException {
        var response = post("/api/v1/auth/token", java.util.Map.of("username", username, "password", password), null);
        if (response.status() != 200) {
            throw new IllegalStateException("login of " + username + " failed: " + response.status());
        }
        return response.body().get("token").asString();
    }
}
