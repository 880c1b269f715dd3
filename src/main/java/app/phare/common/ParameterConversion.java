package app.phare.common;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.core.CurrentRequestManager;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.multipart.FormValue;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Path, query, form and header parameters read the way the API promises: a whole number that does not parse or is
 * negative, or text with a NUL character, is a 400 naming the parameter. (JAX-RS would answer a path or query
 * parameter that does not convert with a 404, as if the resource did not exist.)
 */
@Provider
public class ParameterConversion implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = declaredName(annotations);
        if (rawType == String.class) {
            return (ParamConverter<T>) new Text(name);
        }
        if (rawType == long.class || rawType == Long.class) {
            return (ParamConverter<T>) new Whole<>(name, rawType.isPrimitive(), Long::parseLong);
        }
        if (rawType == int.class || rawType == Integer.class) {
            return (ParamConverter<T>) new Whole<>(name, rawType.isPrimitive(), Integer::parseInt);
        }
        return null;
    }

    /** Text as sent, refused when it holds a NUL character. */
    private record Text(String declared) implements ParamConverter<String> {

        @Override
        public String fromString(String value) {
            if (NulText.in(value)) {
                String name = nameOf(declared, value);
                throw refusal(name, name + " " + NulText.REASON);
            }
            return value;
        }

        @Override
        public String toString(String value) {
            return value;
        }
    }

    /** A whole number of 0 or more (ids, limits, days); blank is "not given" where the parameter may be absent. */
    private record Whole<N extends Number>(String declared, boolean required, Function<String, N> parse)
            implements ParamConverter<N> {

        @Override
        public N fromString(String value) {
            if (value == null || value.isBlank()) {
                if (required) {
                    String name = nameOf(declared, value);
                    throw refusal(name, name + " is required, as a whole number");
                }
                return null;
            }
            N n;
            try {
                n = parse.apply(value.strip());
            } catch (NumberFormatException e) {
                String name = nameOf(declared, value);
                throw refusal(name, name + " must be a whole number, was '" + value + "'");
            }
            if (n.longValue() < 0) {
                String name = nameOf(declared, value);
                throw refusal(name, name + " must not be negative, was " + n);
            }
            return n;
        }

        @Override
        public String toString(N value) {
            return value == null ? null : value.toString();
        }
    }

    /**
     * A WebApplicationException, so that RESTEasy Reactive passes it on unchanged (anything else converting a path or
     * query parameter becomes a 404); {@link ProblemMappers} answers with the problem inside.
     */
    private static BadRequestException refusal(String name, String detail) {
        return new BadRequestException(ProblemException.badRequest(name, detail));
    }

    private static String declaredName(Annotation[] annotations) {
        for (Annotation a : annotations == null ? new Annotation[0] : annotations) {
            String name = a instanceof PathParam p ? p.value()
                    : a instanceof QueryParam q ? q.value()
                    : a instanceof FormParam f ? f.value()
                    : a instanceof HeaderParam h ? h.value()
                    : a instanceof RestPath p ? p.value()
                    : a instanceof RestQuery q ? q.value()
                    : a instanceof RestForm f ? f.value()
                    : a instanceof RestHeader h ? h.value() : "";
            if (!name.isEmpty()) {
                return name;
            }
        }
        return "";
    }

    /**
     * The parameter's name: as declared, or (for {@code @RestQuery} and the like, named after the Java parameter,
     * which a converter is not told) the request's path, query or form parameter that carries this value.
     */
    private static String nameOf(String declared, String value) {
        if (!declared.isEmpty()) {
            return declared;
        }
        ResteasyReactiveRequestContext request = CurrentRequestManager.get();
        if (request != null && value != null) {
            for (var params : List.of(request.getUriInfo().getQueryParameters(), request.getAllPathParameters(false))) {
                for (Map.Entry<String, List<String>> e : params.entrySet()) {
                    if (e.getValue().contains(value)) {
                        return e.getKey();
                    }
                }
            }
            if (request.getFormData() != null) {
                for (String field : request.getFormData()) {
                    for (FormValue v : request.getFormData().get(field)) {
                        if (!v.isFileItem() && value.equals(v.getValue())) {
                            return field;
                        }
                    }
                }
            }
        }
        return "parameter";
    }
}
