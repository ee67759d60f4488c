package org.multiprocessing4j.internal.wire;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.multiprocessing4j.errors.EncodingException;
import org.multiprocessing4j.task.ProcessTask;

/**
 * A {@link ProcessTask}'s fields as JSON and back. Fields, not getters: what the user assigned in
 * the constructor is what travels. The class to build is the one registered under the job's task
 * name on the worker, never one named by the message.
 */
public final class ProcessFields {
    private static final ObjectMapper FIELDS = JsonMapper.builder()
            .visibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .visibility(PropertyAccessor.CREATOR, JsonAutoDetect.Visibility.ANY)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private ProcessFields() {
    }

    public static Map<String, JsonNode> of(ProcessTask process) {
        try {
            ObjectNode node = FIELDS.valueToTree(process);
            return FIELDS.convertValue(node, new TypeReference<Map<String, JsonNode>>() { });
        } catch (IllegalArgumentException e) {
            throw new EncodingException("cannot send the fields of " + process.getClass().getName()
                    + " as JSON: " + e.getMessage(), e);
        }
    }

    public static <T extends ProcessTask> T build(Class<T> type, Map<String, JsonNode> fields) {
        try {
            return FIELDS.convertValue(fields, type);
        } catch (IllegalArgumentException e) {
            throw new EncodingException("cannot build " + type.getSimpleName() + " from fields " + fields.keySet()
                    + ": " + e.getMessage(), e);
        }
    }
}
