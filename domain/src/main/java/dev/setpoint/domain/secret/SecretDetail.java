package dev.setpoint.domain.secret;

import java.util.List;

/** A secret with the metadata of every version, newest first. */
public record SecretDetail(Secret secret, List<SecretVersion> versions) {}
