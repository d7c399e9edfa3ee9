package jp.tsunagu.support.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;

/**
 * Every text a request carries, in every service: control characters (NUL and the other C0 codes but tab, line
 * feed and carriage return; DEL; the C1 codes) are refused as bad input (400 naming the field). PostgreSQL cannot
 * store NUL at all, and none of them belongs in a name, a note or a code. The one definition of them.
 */
@Singleton
public class TextSafety implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("tsunagu-text-safety").addDeserializer(String.class, new SafeText()));
    }

    public static boolean hasControlCharacters(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f)) {
                return true;
            }
        }
        return false;
    }

    static final class SafeText extends StdScalarDeserializer<String> {

        SafeText() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String s = StringDeserializer.instance.deserialize(p, ctxt);
            if (s != null && hasControlCharacters(s)) {
                throw ctxt.weirdStringException("(not shown)", String.class, "control characters are not accepted");
            }
            return s;
        }
    }
}
