package org.multiprocessing4j.internal.wire;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import org.multiprocessing4j.internal.shared.SharedHandle;
import org.multiprocessing4j.internal.shared.SharedKind;

/**
 * The one Jackson configuration both codecs use: unknown fields tolerated (a newer peer may add
 * optional ones), no default typing (no class is ever named by the wire), big strings allowed up
 * to the broker's message size, and shared-object handles written as references.
 */
final class Json {
    private static final int MAX_STRING_LENGTH = 256 * 1024 * 1024;

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .addModule(new SimpleModule("mp4j-shared-refs").addSerializer(SharedHandle.class, new RefSerializer()))
            .build();

    static {
        MAPPER.getFactory().setStreamReadConstraints(
                StreamReadConstraints.builder().maxStringLength(MAX_STRING_LENGTH).build());
    }

    private Json() {
    }

    static String rootMessage(Exception e) {
        if (e instanceof JsonProcessingException jpe) {
            return jpe.getOriginalMessage();
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : String.valueOf(root.getMessage());
    }

    /** A handle travels as {@code {"__mp4j_<kind>__": {...}}}: a reference to the broker object, never its state. */
    private static final class RefSerializer extends StdSerializer<SharedHandle> {
        RefSerializer() {
            super(SharedHandle.class);
        }

        @Override
        public void serialize(SharedHandle handle, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeStartObject();
            gen.writeFieldName(SharedKind.marker(handle.sharedKind()));
            gen.writeTree(handle.sharedRef());
            gen.writeEndObject();
        }
    }
}
