package dev.setpoint.persistence.secret;

import dev.setpoint.domain.application.Application;
import dev.setpoint.domain.application.Environment;
import dev.setpoint.domain.secret.Secret;
import dev.setpoint.domain.secret.SecretRepository;
import dev.setpoint.domain.secret.SecretState;
import dev.setpoint.domain.secret.SecretVersion;
import dev.setpoint.domain.setting.SettingKey;
import dev.setpoint.domain.shared.PageRequest;
import dev.setpoint.persistence.StoreWrites;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Secrets in {@code secrets}, versions in {@code secret_versions}. */
@ApplicationScoped
public class JpaSecretRepository implements SecretRepository {

  @PersistenceContext(unitName = "setpoint")
  private EntityManager em;

  @Override
  public Optional<Secret> find(Environment environment, SettingKey key) {
    return em
        .createQuery(
            "select s from Secret s where s.environment = :env and s.key = :key", Secret.class)
        .setParameter("env", environment)
        .setParameter("key", key.value())
        .getResultList()
        .stream()
        .findFirst();
  }

  @Override
  public List<Secret> list(Environment environment, PageRequest page) {
    TypedQuery<Secret> query =
        page.after() == null
            ? em.createQuery(
                "select s from Secret s where s.environment = :env order by s.key", Secret.class)
            : em.createQuery(
                    "select s from Secret s where s.environment = :env and s.key > :after"
                        + " order by s.key",
                    Secret.class)
                .setParameter("after", page.after());
    return query.setParameter("env", environment).setMaxResults(page.limit() + 1).getResultList();
  }

  @Override
  public List<SecretVersion> versions(Secret secret) {
    return em.createQuery(
            "select v from SecretVersion v where v.secret = :secret order by v.number desc",
            SecretVersion.class)
        .setParameter("secret", secret)
        .getResultList();
  }

  @Override
  public Optional<SecretVersion> version(Secret secret, int number) {
    return em
        .createQuery(
            "select v from SecretVersion v where v.secret = :secret and v.number = :number",
            SecretVersion.class)
        .setParameter("secret", secret)
        .setParameter("number", number)
        .getResultList()
        .stream()
        .findFirst();
  }

  @Override
  public List<SecretVersion> currentWithFingerprint(
      Application application, Environment except, String fingerprintKeyId, String fingerprint) {
    return em.createQuery(
            "select v from SecretVersion v join v.secret s join s.environment e"
                + " where v.fingerprint = :fingerprint and v.fingerprintKeyId = :keyId"
                // soft-deleted secrets count too: a recovered one would share the value again
                + " and v.state = :current and e.application = :app and e <> :except",
            SecretVersion.class)
        .setParameter("fingerprint", fingerprint)
        .setParameter("keyId", fingerprintKeyId)
        .setParameter("current", SecretState.CURRENT)
        .setParameter("app", application)
        .setParameter("except", except)
        .getResultList();
  }

  @Override
  public List<Secret> withRotationPolicy() {
    return em.createQuery(
            "select s from Secret s where s.rotationDays is not null and s.deletedAt is null",
            Secret.class)
        .getResultList();
  }

  @Override
  public List<SecretVersion> previousVersions(java.time.Instant now) {
    return em.createQuery(
            "select v from SecretVersion v join fetch v.secret s join fetch s.environment e"
                + " join fetch e.application where v.state = :state and v.validUntil > :now",
            SecretVersion.class)
        .setParameter("state", dev.setpoint.domain.secret.SecretState.PREVIOUS)
        .setParameter("now", now)
        .getResultList();
  }

  @Override
  public List<SecretVersion> wrappedByOtherThan(String keyId, int limit) {
    return em.createQuery(
            "select v from SecretVersion v where v.keyId is not null and v.keyId <> :keyId"
                + " order by v.id",
            SecretVersion.class)
        .setParameter("keyId", keyId)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public long countWrappedByOtherThan(String keyId) {
    return em.createQuery(
            "select count(v) from SecretVersion v where v.keyId is not null and v.keyId <> :keyId",
            Long.class)
        .setParameter("keyId", keyId)
        .getSingleResult();
  }

  @Override
  public List<String> keyIdsInUse() {
    return em.createQuery(
            "select distinct v.keyId from SecretVersion v where v.keyId is not null", String.class)
        .getResultList();
  }

  @Override
  public List<Secret> purgeable(Instant now) {
    return em.createQuery(
            "select s from Secret s where s.purgeAfter is not null and s.purgeAfter <= :now",
            Secret.class)
        .setParameter("now", now)
        .getResultList();
  }

  @Override
  public void store(Secret secret) {
    StoreWrites.store(em, secret, "Secret '" + secret.key() + "'");
  }

  @Override
  public void store(SecretVersion version) {
    StoreWrites.store(em, version, "Version " + version.number() + " of a secret");
  }
}
