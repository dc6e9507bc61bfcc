/**
 * Envelope encryption for secrets with Google Tink, and where the key-encryption keys come from.
 * Nothing here is a hand-made cipher mode: Tink's AES-256-GCM AEAD does the encryption and nonce
 * handling, and data-key keysets are wrapped with Tink's encrypted-keyset format.
 */
package dev.setpoint.crypto;
