package dev.slipway.hub.build;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import java.util.List;

/**
 * Checks of one field of a content-generator document; every failure names the field's path
 * ({@code metadata.output[0].type must be a non-empty string}).
 */
record CgField(String path) {
    CgField at(String field) {
        return new CgField(path + "." + field);
    }

    CgField at(int index) {
        return new CgField(path + "[" + index + "]");
    }

    String string(String value) {
        if (value == null || value.isEmpty()) {
            throw invalid("must be a non-empty string");
        }
        return value;
    }

    long number(Number value) {
        if (value == null) {
            throw invalid("must be an integer");
        }
        return value.longValue();
    }

    <T> T object(T value) {
        if (value == null) {
            throw invalid("must be an object");
        }
        return value;
    }

    <T> List<T> array(List<T> value) {
        if (value == null) {
            throw invalid("must be an array");
        }
        return value;
    }

    List<String> strings(List<String> value) {
        List<String> all = array(value);
        for (int i = 0; i < all.size(); i++) {
            at(i).string(all.get(i));
        }
        return all;
    }

    SlipwayException invalid(String why) {
        return new SlipwayException(ErrorCode.CG_METADATA_INVALID, "Content-generator metadata: " + path + " " + why);
    }
}
