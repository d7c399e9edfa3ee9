package jp.tsunagu.contract.events;

import jp.tsunagu.contract.codes.AgeBand;
import jp.tsunagu.contract.codes.Concern;
import jp.tsunagu.contract.codes.Relation;

import java.util.List;

/** A member of the person's household, without anything that identifies them. */
public record HouseholdMember(Relation relation, @MayBeNull("age not given") AgeBand ageBand, List<Concern> concerns) {
    public HouseholdMember {
        concerns = concerns == null ? List.of() : List.copyOf(concerns);
    }
}
