package app.phare.source;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;

/** A feed of exports of one kind (orders, CRM deals, ad campaigns, products, inventory), with how its files are written and which columns mean what. */
@Entity
public class Source {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "tenant_id")
    public Long tenantId;

    public String name;

    @Enumerated(EnumType.STRING)
    public SourceKind kind;

    @JdbcTypeCode(SqlTypes.JSON)
    public SourceFormat format;

    @JdbcTypeCode(SqlTypes.JSON)
    public SourceMapping mapping;

    @JdbcTypeCode(SqlTypes.JSON)
    public SourceOptions options = SourceOptions.NONE;

    /** For a pull source: its settings, without the headers' values. */
    @JdbcTypeCode(SqlTypes.JSON)
    public PullConfig pull;

    /** The pull headers, encrypted. */
    @Column(name = "pull_secrets")
    public String pullSecrets;

    /** Where the last successful pull stopped (the incremental field's largest value). */
    @Column(name = "pull_cursor")
    public String pullCursor;

    @Column(name = "fresh_warn_hours")
    public int freshWarnHours = 26;

    @Column(name = "fresh_error_hours")
    public int freshErrorHours = 50;

    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;

    @Enumerated(EnumType.STRING)
    public SourceStatus status = SourceStatus.active;

    /** When an admin archived the source: its figures left the dashboard, its files are kept. */
    @Column(name = "archived_at")
    public Instant archivedAt;

    /** Whether the source's files and pulls are loaded by runs. */
    public boolean active() {
        return status == null || status == SourceStatus.active;
    }
}
