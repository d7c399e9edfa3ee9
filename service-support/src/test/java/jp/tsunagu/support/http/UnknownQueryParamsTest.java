package jp.tsunagu.support.http;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class UnknownQueryParamsTest {

    record Query(@QueryParam("status") String status, @QueryParam("limit") Integer limit) {
    }

    static class Resource {
        @QueryParam("lang")
        String lang;

        public String list(@BeanParam Query query, @QueryParam("cursor") String cursor) {
            return "";
        }

        public String one(Query notABeanParam) {
            return "";
        }
    }

    @Test
    void aQueryRecordTakenAsBeanParamNamesItsParametersAsKnown() throws NoSuchMethodException {
        var list = Resource.class.getMethod("list", Query.class, String.class);
        assertEquals(Set.of("status", "limit", "cursor", "lang"), UnknownQueryParams.taken(list, Resource.class));
    }

    @Test
    void aBodyOfTheSameTypeIsNotAQuery() throws NoSuchMethodException {
        var one = Resource.class.getMethod("one", Query.class);
        assertEquals(Set.of("lang"), UnknownQueryParams.taken(one, Resource.class));
    }
}
