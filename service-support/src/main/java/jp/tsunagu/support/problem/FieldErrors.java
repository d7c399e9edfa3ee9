package jp.tsunagu.support.problem;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;

/**
 * The invalid fields of one request, collected up to the {@link Problem#MAX_ERRORS} a problem document lists and
 * only counted beyond: a loop over a list of 30,000 bad items keeps 20 errors, not 30,000. {@link #add} always
 * answers true (the error is accounted for, listed or counted); {@link ApiProblem#validation} gives the count as
 * {@code moreErrors}.
 */
public final class FieldErrors extends AbstractList<FieldError> {

    private final List<FieldError> listed = new ArrayList<>();
    private int more;

    @Override
    public boolean add(FieldError error) {
        if (listed.size() < Problem.MAX_ERRORS) {
            listed.add(error);
        } else {
            more++;
        }
        return true;
    }

    @Override
    public FieldError get(int index) {
        return listed.get(index);
    }

    @Override
    public int size() {
        return listed.size();
    }

    /** The invalid fields counted but not listed. */
    public int more() {
        return more;
    }
}
