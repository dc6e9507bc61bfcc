package dev.setpoint.domain.change;

import dev.setpoint.domain.application.Environment;
import dev.setpoint.domain.shared.Conflict;
import dev.setpoint.domain.shared.Tracked;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Proposed writes to one environment, numbered per environment, and what happened to them:
 * approvals (each for one revision of the changes), comments, and the status. Changing the proposal
 * starts a new revision and drops the approvals given so far.
 */
@Entity
@Table(name = "change_requests")
public class ChangeRequest extends Tracked {

  /** An approval of one revision. */
  public record Approval(String by, Instant at) {}

  /** A comment on the request. */
  public record Comment(String by, Instant at, String text) {}

  /** Where a promotion's content came from. */
  public record Source(String environment, int release) {}

  @ManyToOne(optional = false)
  @JoinColumn(name = "environment_id", nullable = false, updatable = false)
  private Environment environment;

  @Column(name = "request_number", nullable = false, updatable = false)
  private int number;

  @Column(name = "author", nullable = false, updatable = false)
  private String author;

  @Column(name = "message")
  private String message;

  @Column(name = "status", nullable = false)
  private String status;

  @Column(name = "revision", nullable = false)
  private int revision;

  @Column(name = "changes", nullable = false)
  private String changes;

  /** Everyone who wrote a revision, newline-separated: none of them may approve it. */
  @Column(name = "contributors", nullable = false)
  private String contributors;

  @Column(name = "approvals", nullable = false)
  private String approvals;

  @Column(name = "comments", nullable = false)
  private String comments;

  @Column(name = "source_environment", updatable = false)
  private String sourceEnvironment;

  @Column(name = "source_release", updatable = false)
  private Integer sourceRelease;

  @Column(name = "applied_release")
  private Integer appliedRelease;

  @Column(name = "closed_by")
  private String closedBy;

  @Column(name = "closed_at")
  private Instant closedAt;

  protected ChangeRequest() {}

  ChangeRequest(
      Environment environment,
      int number,
      String author,
      String message,
      List<ProposedChange> changes,
      Source source,
      Instant now) {
    super(now);
    this.environment = environment;
    this.number = number;
    this.author = author;
    this.message = message;
    this.status = ChangeStatus.OPEN.id();
    this.revision = 1;
    this.changes = write(changes);
    this.contributors = author;
    this.approvals = "[]";
    this.comments = "[]";
    if (source != null) {
      this.sourceEnvironment = source.environment();
      this.sourceRelease = source.release();
    }
  }

  /** A new revision of the proposal: the approvals given so far no longer count. */
  void revise(String by, String message, List<ProposedChange> changes, Instant now) {
    requireStatus("updated", ChangeStatus.OPEN, ChangeStatus.APPROVED, ChangeStatus.STALE);
    if (!contributed(by)) {
      this.contributors = contributors + "\n" + by;
    }
    this.message = message;
    this.changes = write(changes);
    this.revision++;
    this.approvals = "[]";
    this.status = ChangeStatus.OPEN.id();
    touch(now);
  }

  /** Records an approval; approved once {@code required} approvals are given. */
  void approve(String by, int required, Instant now) {
    requireStatus("approved", ChangeStatus.OPEN, ChangeStatus.APPROVED);
    List<Approval> given = new ArrayList<>(approvals());
    if (given.stream().anyMatch(a -> a.by().equals(by))) {
      throw new Conflict("You have already approved revision " + revision + " of this request");
    }
    given.add(new Approval(by, now));
    this.approvals = writeApprovals(given);
    if (given.size() >= required) {
      this.status = ChangeStatus.APPROVED.id();
    }
    touch(now);
  }

  void reject(String by, Instant now) {
    requireStatus("rejected", ChangeStatus.OPEN, ChangeStatus.APPROVED);
    close(ChangeStatus.REJECTED, by, now);
  }

  void withdraw(String by, Instant now) {
    requireStatus("withdrawn", ChangeStatus.OPEN, ChangeStatus.APPROVED, ChangeStatus.STALE);
    close(ChangeStatus.WITHDRAWN, by, now);
  }

  void applied(String by, Integer release, Instant now) {
    this.appliedRelease = release;
    close(ChangeStatus.APPLIED, by, now);
  }

  void stale(Instant now) {
    this.status = ChangeStatus.STALE.id();
    touch(now);
  }

  void comment(String by, String text, Instant now) {
    List<Comment> all = new ArrayList<>(comments());
    all.add(new Comment(by, now, text));
    JsonArrayBuilder json = Json.createArrayBuilder();
    all.forEach(
        c ->
            json.add(
                Json.createObjectBuilder()
                    .add("by", c.by())
                    .add("at", c.at().toString())
                    .add("text", c.text())));
    this.comments = json.build().toString();
    touch(now);
  }

  /** Refuses a step the current status does not allow (409 naming the status). */
  void requireStatus(String step, ChangeStatus... allowed) {
    ChangeStatus current = status();
    for (ChangeStatus s : allowed) {
      if (s == current) {
        return;
      }
    }
    throw new Conflict(
        "Change request " + number + " is " + current.id() + " and cannot be " + step);
  }

  private void close(ChangeStatus to, String by, Instant now) {
    this.status = to.id();
    this.closedBy = by;
    this.closedAt = now;
    touch(now);
  }

  /** Whether {@code name} wrote a revision of this request (its author included). */
  public boolean contributed(String name) {
    return java.util.Arrays.asList(contributors.split("\n")).contains(name);
  }

  public Environment environment() {
    return environment;
  }

  public int number() {
    return number;
  }

  public String author() {
    return author;
  }

  public String message() {
    return message;
  }

  public ChangeStatus status() {
    return ChangeStatus.valueOf(status.toUpperCase(java.util.Locale.ROOT));
  }

  public int revision() {
    return revision;
  }

  public Integer appliedRelease() {
    return appliedRelease;
  }

  public String closedBy() {
    return closedBy;
  }

  public Instant closedAt() {
    return closedAt;
  }

  /** Where a promotion's content came from; null for other requests. */
  public Source source() {
    return sourceEnvironment == null ? null : new Source(sourceEnvironment, sourceRelease);
  }

  public List<ProposedChange> changes() {
    return read(changes).stream().map(v -> ProposedChange.fromJson(v.asJsonObject())).toList();
  }

  public List<Approval> approvals() {
    return read(approvals).stream()
        .map(JsonValue::asJsonObject)
        .map(o -> new Approval(o.getString("by"), Instant.parse(o.getString("at"))))
        .toList();
  }

  public List<Comment> comments() {
    return read(comments).stream()
        .map(JsonValue::asJsonObject)
        .map(
            o ->
                new Comment(
                    o.getString("by"), Instant.parse(o.getString("at")), o.getString("text")))
        .toList();
  }

  private static List<JsonValue> read(String json) {
    try (var reader = Json.createReader(new StringReader(json))) {
      return reader.readArray();
    }
  }

  private static String write(List<ProposedChange> changes) {
    JsonArrayBuilder json = Json.createArrayBuilder();
    changes.stream().map(ProposedChange::toJson).forEach(json::add);
    return json.build().toString();
  }

  private static String writeApprovals(List<Approval> given) {
    JsonArrayBuilder json = Json.createArrayBuilder();
    for (Approval a : given) {
      JsonObject o =
          Json.createObjectBuilder().add("by", a.by()).add("at", a.at().toString()).build();
      json.add(o);
    }
    return json.build().toString();
  }
}
