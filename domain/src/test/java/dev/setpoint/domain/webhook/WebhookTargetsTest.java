package dev.setpoint.domain.webhook;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.domain.shared.InvalidValue;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The webhook target rule: every spelling of an inward address, the allow-list, rebinding. */
class WebhookTargetsTest {

  /** Names resolve from this table only: no test asks a real resolver. */
  private static final Map<String, String> DNS =
      Map.of(
          "hooks.example.com", "93.184.215.14",
          "inward.example.com", "10.1.2.3",
          "mixed.example.com", "93.184.215.14,127.0.0.1",
          "v6-loop.example.com", "::1",
          "partner.internal", "10.9.9.9");

  private static InetAddress[] table(String host) throws UnknownHostException {
    if (host.contains(":") || Ipv4Spelling.looksNumeric(host)) {
      return InetAddress.getAllByName(host.contains(":") ? "[" + host + "]" : host);
    }
    String answer = DNS.get(host);
    if (answer == null) {
      throw new UnknownHostException(host);
    }
    String[] parts = answer.split(",");
    InetAddress[] addresses = new InetAddress[parts.length];
    for (int i = 0; i < parts.length; i++) {
      addresses[i] = InetAddress.getByName(parts[i]);
    }
    return addresses;
  }

  private final WebhookTargets strict = new WebhookTargets("", WebhookTargetsTest::table);

  private static String refusal(WebhookTargets targets, String url) {
    InvalidValue refused =
        assertThrows(
            InvalidValue.class, () -> targets.checkRegistration(URI.create(url)), () -> url);
    assertEquals("url", refused.violations().get(0).field());
    return refused.violations().get(0).rule();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "http://127.0.0.1/                      | loopback",
        "http://127.255.255.254:8080/x          | loopback",
        "http://[::1]/                          | loopback",
        "http://[0:0:0:0:0:0:0:1]/              | loopback",
        "http://169.254.169.254/latest/meta-data| link-local",
        "http://[fe80::1]/                      | link-local",
        "http://10.0.0.1/                       | private",
        "http://172.16.0.1/                     | private",
        "http://172.31.255.255/                 | private",
        "http://192.168.1.1/                    | private",
        "http://100.64.0.1/                     | private",
        "http://[fc00::1]/                      | private",
        "http://[fd12:3456::1]/                 | private",
        "http://0.0.0.0/                        | unspecified",
        "http://[::]/                           | unspecified",
        "http://224.0.0.1/                      | multicast",
        "http://[ff02::1]/                      | multicast",
        "http://255.255.255.255/                | broadcast",
        "http://[::ffff:127.0.0.1]/             | loopback",
        "http://[::ffff:7f00:1]/                | loopback",
        "http://[::ffff:169.254.169.254]/       | link-local",
        "http://[::127.0.0.1]/                  | loopback",
        "http://[::10.0.0.1]/                   | private",
        "http://[64:ff9b::127.0.0.1]/           | loopback",
        "http://[64:ff9b::a9fe:a9fe]/           | link-local",
        "http://[2002:7f00:1::]/                | loopback",
        "http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/ | tunnel",
        "http://[64:ff9b:1::1]/                 | tunnel",
      })
  void inwardAddressesAreRefusedAtRegistration(String url, String kind) {
    assertTrue(refusal(strict, url.strip()).contains(kind), () -> url + ": " + kind);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://2130706433/",
        "http://0x7f000001/",
        "http://0x7f.1/",
        "http://0x7F.0.0.1/",
        "http://0177.0.0.1/",
        "http://0177.1/",
        "http://127.1/",
        "http://127.0.1/",
        "http://017700000001/",
        "http://127.0.0.1./",
        "http://LOCALHOST/",
        "http://localhost./",
        "http://0/",
        "http://0x0/",
        "http://3232235777/",
        "http://0xa9.0xfe.0xa9.0xfe/",
      })
  void everyNumericSpellingOfAnInwardAddressIsRefused(String url) {
    WebhookTargets withLocalhost =
        new WebhookTargets(
            "",
            host -> host.equals("localhost") ? InetAddress.getAllByName("127.0.0.1") : table(host));
    String rule = refusal(withLocalhost, url);
    assertTrue(rule.contains("must not lead to"), () -> url + ": " + rule);
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://1572394766/", "http://0x5db8d70e/", "http://93.0270.215.14/"})
  void oddSpellingsOfPublicAddressesAreRefusedWithTheCanonicalForm(String url) {
    assertTrue(refusal(strict, url).contains("a.b.c.d (here 93.184.215.14)"), url);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"http://256.1.1.1/", "http://1.2.3.4.5/", "http://0x100.1/", "http://09.1.1.1/"})
  void numbersThatAreNoAddressAreRefused(String url) {
    assertTrue(refusal(strict, url).contains("no IPv4 address"), url);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://93.184.215.14/hook",
        "https://[2606:2800:21f:cb07:6820:80da:af6b:8b2c]/",
        "https://hooks.example.com/x",
        "https://not-resolvable.example.net/",
        "https://1.2.3.example.com/"
      })
  void publicTargetsAndUnresolvedNamesAreAccepted(String url) {
    assertDoesNotThrow(() -> strict.checkRegistration(URI.create(url)));
  }

  @Test
  void aNameResolvingInwardsIsRefusedAtRegistration() {
    assertTrue(refusal(strict, "https://inward.example.com/").contains("private"));
    assertTrue(refusal(strict, "https://mixed.example.com/").contains("loopback"));
    assertTrue(refusal(strict, "https://v6-loop.example.com/").contains("loopback"));
  }

  @Test
  void theAllowListOpensBlocksAndNames() {
    WebhookTargets allowing =
        new WebhookTargets(
            " 127.0.0.1/32, 10.20.0.0/16 ,fd00::/8, Partner.Internal., 192.168.7.7",
            WebhookTargetsTest::table);
    for (String url :
        List.of(
            "http://127.0.0.1:9000/",
            "http://[::ffff:127.0.0.1]/",
            "http://10.20.30.40/",
            "http://[fd00::5]/",
            "https://partner.internal/",
            "http://192.168.7.7/")) {
      assertDoesNotThrow(() -> allowing.checkRegistration(URI.create(url)), url);
    }
    assertTrue(refusal(allowing, "http://127.0.0.2/").contains("loopback"));
    assertTrue(refusal(allowing, "http://10.21.0.1/").contains("private"));
    assertTrue(refusal(allowing, "http://2130706433/").contains("a.b.c.d (here 127.0.0.1)"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"10.0.0.0/33", "not a host", "127.1", "0x7f.0.0.1/32", "::1/129", "a_b"})
  void aBadAllowListEntryIsNamed(String entry) {
    IllegalArgumentException bad =
        assertThrows(IllegalArgumentException.class, () -> new WebhookTargets("1.2.3.4," + entry));
    assertTrue(bad.getMessage().contains(entry.strip()), bad::getMessage);
  }

  @Test
  void atSendTimeEveryResolvedAddressIsCheckedAgain() throws Exception {
    AtomicReference<String> answer = new AtomicReference<>("93.184.215.14");
    WebhookTargets rebinding =
        new WebhookTargets("", host -> new InetAddress[] {InetAddress.getByName(answer.get())});
    rebinding.checkRegistration(URI.create("https://rebind.example.com/"));
    assertEquals(
        List.of(InetAddress.getByName("93.184.215.14")),
        rebinding.checkedAddresses("rebind.example.com"));

    answer.set("127.0.0.1");
    RefusedTarget refused =
        assertThrows(RefusedTarget.class, () -> rebinding.checkedAddresses("rebind.example.com"));
    assertTrue(refused.getMessage().contains("loopback"));
    answer.set("169.254.169.254");
    assertThrows(RefusedTarget.class, () -> rebinding.checkedAddresses("rebind.example.com."));
    assertThrows(RefusedTarget.class, () -> strict.checkedAddresses("mixed.example.com"));
  }
}
