package switchboard.devicehive.auth;

/** What {@code token} and {@code token/create} answer with: {@code {accessToken, refreshToken}}. */
public record TokenPair(String accessToken, String refreshToken) {}
