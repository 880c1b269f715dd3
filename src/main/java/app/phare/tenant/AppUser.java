package app.phare.tenant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A person who logs in: e-mail, bcrypt hash, a role within one tenant, and possibly the operator role. */
@Entity
@Table(name = "app_user")
public class AppUser {

    public static final String ADMIN = "admin";
    public static final String MANAGER = "manager";
    public static final String OPERATOR = "operator";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "tenant_id")
    public Long tenantId;

    public String email;

    @Column(name = "password_hash")
    public String passwordHash;

    public String role;

    public boolean operator;

    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;
}
