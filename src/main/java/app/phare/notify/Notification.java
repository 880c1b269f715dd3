package app.phare.notify;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A message for one user in the notification centre (the bell), read or not. */
@Entity
@Table(name = "notification")
public class Notification {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "tenant_id")
    public Long tenantId;

    @Column(name = "user_id")
    public Long userId;

    @Column(insertable = false, updatable = false)
    public Instant at;

    public String kind;

    public String title;

    public String body;

    public String link;

    @Column(name = "read_at")
    public Instant readAt;
}
