package switchboard.core.sow;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The latest message for one key of a State-of-the-World topic.
 *
 * @param sowKey the record's key as clients see it: a decimal unsigned 64-bit hash of its key fields
 * @param payload the message body, shared, never modified
 * @param json the body parsed
 * @param timestamp when that publish happened, epoch milliseconds
 */
public record SowRecord(String sowKey, byte[] payload, JsonNode json, long timestamp) {}
