package app.herald.governance;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.LockModeType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import app.herald.brand.Brand;
import app.herald.system.IdentifiedEntity;

/** The stable identity of a brand's governance rule: which brand, whether it applies, which version is current. */
@Entity
@Table(name = "governance_rule")
public class GovernanceRule extends IdentifiedEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "brand_id", nullable = false, updatable = false)
    public Brand brand;

    @Column(nullable = false)
    public boolean active;

    @Column(name = "current_version", nullable = false)
    public int currentVersion;

    /** The rule with its row locked until the transaction ends, so two edits of one rule cannot interleave. */
    public static GovernanceRule lockById(long id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }
}
