package jp.tsunagu.support.http;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import jp.tsunagu.support.problem.ApiProblem;
import jp.tsunagu.support.problem.FieldError;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.List;
import java.util.function.Function;

/**
 * Number and true/false query parameters of every service, read strictly: {@code ?limit=abc} or a number beyond
 * an int is a 400 naming the parameter (JAX-RS would answer 404, as if the list did not exist), and
 * {@code ?overdue=maybe} is a 400 rather than false. The problem is thrown from here and answered by
 * {@code ProblemMappers} (which unwraps it from the 404 JAX-RS puts around a converter's exception).
 */
@Provider
public class QueryParams implements ParamConverterProvider {

    static final String WHOLE_NUMBER = "must be a whole number";
    static final String TOO_LARGE = "is too large a number";
    static final String TRUE_OR_FALSE = "true or false";

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = name(annotations);
        if (name == null) {
            return null;
        }
        if (rawType == Integer.class || rawType == int.class) {
            return (ParamConverter<T>) converter(name, s -> (int) whole(s, name, Integer.MIN_VALUE, Integer.MAX_VALUE));
        }
        if (rawType == Long.class || rawType == long.class) {
            return (ParamConverter<T>) converter(name, s -> whole(s, name, Long.MIN_VALUE, Long.MAX_VALUE));
        }
        if (rawType == Boolean.class || rawType == boolean.class) {
            return (ParamConverter<T>) converter(name, s -> flag(s, name));
        }
        return null;
    }

    private static String name(Annotation[] annotations) {
        if (annotations != null) {
            for (Annotation a : annotations) {
                if (a instanceof QueryParam q) {
                    return q.value();
                }
            }
        }
        return null;
    }

    private static <T> ParamConverter<T> converter(String name, Function<String, T> read) {
        return new ParamConverter<>() {
            @Override
            public T fromString(String value) {
                return value == null ? null : read.apply(value);
            }

            @Override
            public String toString(T value) {
                return value == null ? null : value.toString();
            }
        };
    }

    static long whole(String value, String name, long min, long max) {
        if (!value.matches("[+-]?[0-9]{1,30}")) {
            throw invalid(name, WHOLE_NUMBER);
        }
        try {
            long n = Long.parseLong(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // beyond a long: too large as well
        }
        throw invalid(name, TOO_LARGE);
    }

    static boolean flag(String value, String name) {
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw invalid(name, TRUE_OR_FALSE);
        };
    }

    private static ApiProblem invalid(String name, String message) {
        return ApiProblem.validation(List.of(new FieldError(name, message)));
    }
}
