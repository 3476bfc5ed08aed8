//! Okta System Log records shaped like the Okta integration's pipeline test records: one raw JSON
//! object per line, keys in the API's (alphabetical) order, nulls where Okta sends nulls.
//!
//! The mix covers what the integration's pipeline branches on: sessions, SSO, sign-on policy
//! evaluation, MFA, user lifecycle, group membership, application lifecycle, policy rules, rate
//! limits and blocked requests; public IPs from the MaxMind test databases (so GeoIP enrichment finds
//! something), private and loopback IPs, browser and Okta Verify user agents, and the stringified
//! `risk`, `behaviors` and `logOnlySecurityData` debug fields.

use super::{iso_millis, Rng};
use serde_json::{json, Value as J};
use std::io::Write;

/// Writes `count` records for `seed`, one per line.
pub fn write_corpus(out: &mut dyn Write, count: u64, seed: u64) -> std::io::Result<()> {
    let mut generator = Generator::new(seed);
    let mut line = Vec::with_capacity(4096);
    for _ in 0..count {
        line.clear();
        serde_json::to_writer(&mut line, &generator.next_record())?;
        line.push(b'\n');
        out.write_all(&line)?;
    }
    Ok(())
}

/// Where an address is, as Okta reports it, and who routes it.
struct Place {
    ip: &'static str,
    city: Option<&'static str>,
    state: Option<&'static str>,
    country: Option<&'static str>,
    postal: Option<&'static str>,
    lat: f64,
    lon: f64,
    as_number: Option<u32>,
    as_org: Option<&'static str>,
    isp: Option<&'static str>,
    domain: Option<&'static str>,
    proxy: bool,
}

/// A table row: one argument per column reads better than a nested literal here.
#[allow(clippy::too_many_arguments)]
const fn place(
    ip: &'static str,
    city: &'static str,
    state: &'static str,
    country: &'static str,
    postal: &'static str,
    lat: f64,
    lon: f64,
    asn: (u32, &'static str, &'static str, &'static str),
) -> Place {
    Place {
        ip,
        city: Some(city),
        state: Some(state),
        country: Some(country),
        postal: Some(postal),
        lat,
        lon,
        as_number: Some(asn.0),
        as_org: Some(asn.1),
        isp: Some(asn.2),
        domain: Some(asn.3),
        proxy: false,
    }
}

const fn private(ip: &'static str) -> Place {
    Place {
        ip,
        city: None,
        state: None,
        country: None,
        postal: None,
        lat: 0.0,
        lon: 0.0,
        as_number: None,
        as_org: None,
        isp: None,
        domain: None,
        proxy: false,
    }
}

/// Public addresses are those of the MaxMind test databases bundled with Elasticsearch.
const PLACES: &[Place] = &[
    place(
        "175.16.199.1",
        "Changchun",
        "Jilin Sheng",
        "China",
        "130000",
        43.88,
        125.3228,
        (4837, "china unicom", "china unicom jilin", "chinaunicom.cn"),
    ),
    place(
        "175.16.199.18",
        "Changchun",
        "Jilin Sheng",
        "China",
        "130000",
        43.88,
        125.3228,
        (4837, "china unicom", "china unicom jilin", "chinaunicom.cn"),
    ),
    place(
        "81.2.69.142",
        "London",
        "England",
        "United Kingdom",
        "EC2V",
        51.5142,
        -0.0931,
        (
            20712,
            "andrews & arnold ltd",
            "andrews & arnold",
            "aa.net.uk",
        ),
    ),
    place(
        "81.2.69.144",
        "London",
        "England",
        "United Kingdom",
        "EC2V",
        51.5142,
        -0.0931,
        (
            20712,
            "andrews & arnold ltd",
            "andrews & arnold",
            "aa.net.uk",
        ),
    ),
    place(
        "89.160.20.128",
        "Linköping",
        "Östergötland County",
        "Sweden",
        "582 13",
        58.4167,
        15.6167,
        (29518, "bredband2 ab", "bredband2", "bredband2.se"),
    ),
    place(
        "89.160.20.112",
        "Linköping",
        "Östergötland County",
        "Sweden",
        "582 13",
        58.4167,
        15.6167,
        (29518, "bredband2 ab", "bredband2", "bredband2.se"),
    ),
    place(
        "216.160.83.56",
        "Milton",
        "Washington",
        "United States",
        "98354",
        47.2513,
        -122.3149,
        (209, "centurylink", "qwest communications", "qwest.net"),
    ),
    place(
        "2.125.160.216",
        "Boxford",
        "England",
        "United Kingdom",
        "OX1",
        51.75,
        -1.25,
        (5607, "sky uk limited", "sky broadband", "sky.com"),
    ),
    Place {
        proxy: true,
        ..place(
            "67.43.156.14",
            "Thimphu",
            "Thimphu",
            "Bhutan",
            "11001",
            27.4712,
            89.6339,
            (35908, "vpn provider", "hosting", "example-vpn.net"),
        )
    },
    private("10.0.4.17"),
    private("10.20.30.40"),
    private("192.168.1.10"),
    private("192.168.7.19"),
    private("172.16.5.4"),
    private("127.0.0.1"),
    private("2001:db8::1"),
];

/// `(browser, os, device, raw user agent)` as Okta classifies them.
const AGENTS: &[(&str, &str, &str, &str)] = &[
    ("CHROME", "Mac OS X", "Computer", "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36"),
    ("CHROME", "Windows 10", "Computer", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.0.0 Safari/537.36"),
    ("EDGE_CHROMIUM", "Windows 10", "Computer", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.2210.91"),
    ("FIREFOX", "Mac OS X", "Computer", "Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:72.0) Gecko/20100101 Firefox/72.0"),
    ("FIREFOX", "Linux", "Computer", "Mozilla/5.0 (X11; Linux x86_64; rv:109.0) Gecko/20100101 Firefox/109.0"),
    ("SAFARI", "Mac OS X", "Computer", "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15"),
    ("SAFARI", "iOS", "Mobile", "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1"),
    ("CHROME", "Android", "Mobile", "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.6099.144 Mobile Safari/537.36"),
    ("UNKNOWN", "iOS", "Mobile", "B7FdsdB65BN.com.okta.mobile/7.12.0 OktaVerify/7.12.0 iOS/16.1.2 Apple/iPhone14,2 6C743C36-0F5D-400D-8FB9-A5F049A745CF"),
    ("UNKNOWN", "Mac OS X", "Computer", "X4FKa1b2c3.com.okta.mobile/8.1.1 OktaDeviceSDK/0.0.1 macOS/13.4.0 Apple/MacBookPro16,2 0A1B2C3D-AAAA-BBBB-CCCC-DDDDDDDDDDDD"),
    ("UNKNOWN", "Unknown", "Unknown", "okta-sdk-java/8.2.1 java/17.0.6 Linux/5.15.0"),
    ("UNKNOWN", "Unknown", "Unknown", "curl/8.4.0"),
    ("UNKNOWN", "Unknown", "Unknown", "python-requests/2.31.0"),
];

const FIRST: &[&str] = &[
    "Alice", "Bruno", "Chen", "Dalia", "Emeka", "Fatima", "Gustav", "Hana", "Ivan", "Jonas",
    "Kavya", "Lena", "Mateo", "Noor", "Oskar", "Priya", "Quentin", "Rosa", "Sven", "Tamar", "Ulla",
    "Viktor", "Wen", "Yusuf", "Zoë",
];
const LAST: &[&str] = &[
    "Andersson",
    "Becker",
    "Costa",
    "Dubois",
    "Eriksen",
    "Fischer",
    "García",
    "Hoffmann",
    "Ito",
    "Jensen",
    "Kowalski",
    "Lindqvist",
    "Müller",
    "Nakamura",
    "O'Brien",
    "Petrov",
    "Rossi",
    "Schmidt",
    "Tanaka",
    "Umarov",
    "Varga",
    "Wójcik",
    "Yilmaz",
    "Zhang",
];
const DOMAINS: &[&str] = &["example.com", "corp.example.org", "elastic.co", "test.com"];
const GROUPS: &[&str] = &[
    "Everyone",
    "Engineering",
    "Sales",
    "Finance",
    "Payable",
    "software-users",
    "Contractors",
    "Admins",
    "Support",
];
/// `(app instance name, display name, sign-on mode)`.
const APPS: &[(&str, &str, &str)] = &[
    ("salesforce", "Salesforce.com", "SAML_2_0"),
    ("google", "Google Workspace", "SAML_2_0"),
    ("slack", "Slack", "SAML_2_0"),
    ("github_enterprise", "GitHub Enterprise", "SAML_2_0"),
    ("zoom", "Zoom", "SAML_2_0"),
    ("jira_onprem", "Jira", "SECURE_PASSWORD_STORE"),
    (
        "aws_account_federation",
        "AWS Account Federation",
        "SAML_2_0",
    ),
    ("oidc_client", "Internal Dashboard", "OPENID_CONNECT"),
];
const FACTORS: &[(&str, &str)] = &[
    ("OKTA_VERIFY_PUSH", "OKTA_VERIFY_PUSH"),
    ("FIDO_WEBAUTHN", "webauthn"),
    ("SMS_FACTOR", "sms"),
    ("EMAIL_FACTOR", "email"),
    ("GOOGLE_AUTHENTICATOR", "token:software:totp"),
];
const BEHAVIOR_NAMES: &[&str] = &[
    "New Geo-Location",
    "New Device",
    "New IP",
    "New State",
    "New Country",
    "Velocity",
    "New City",
];

struct User {
    id: String,
    login: String,
    display: String,
    place: usize,
    agent: usize,
    session: String,
    fingerprint: String,
}

struct Generator {
    rng: Rng,
    users: Vec<User>,
    groups: Vec<(String, &'static str)>,
    apps: Vec<(String, usize)>,
    policies: Vec<(String, String, String)>,
    clock: i64,
}

/// The event mix, roughly what a mid-sized org's System Log looks like.
#[derive(Clone, Copy)]
enum Kind {
    SessionStart,
    SessionEnd,
    Sso,
    PolicyEvaluate,
    Verify,
    Mfa,
    UserLifecycle,
    GroupMembership,
    AppUserMembership,
    AppLifecycle,
    PolicyRule,
    RateLimit,
    RequestBlocked,
    AppUserManagement,
    DeviceAdd,
}

const MIX: &[(u32, Kind)] = &[
    (20, Kind::SessionStart),
    (12, Kind::SessionEnd),
    (18, Kind::Sso),
    (14, Kind::PolicyEvaluate),
    (8, Kind::Verify),
    (10, Kind::Mfa),
    (3, Kind::UserLifecycle),
    (4, Kind::GroupMembership),
    (3, Kind::AppUserMembership),
    (1, Kind::AppLifecycle),
    (1, Kind::PolicyRule),
    (2, Kind::RateLimit),
    (2, Kind::RequestBlocked),
    (1, Kind::AppUserManagement),
    (1, Kind::DeviceAdd),
];

fn okta_id(rng: &mut Rng, prefix: &str) -> String {
    format!("{prefix}{}", rng.base62(17))
}

impl Generator {
    fn new(seed: u64) -> Generator {
        let mut rng = Rng::new(seed);
        let users = (0..200)
            .map(|_| {
                let first = *rng.pick(FIRST);
                let last = *rng.pick(LAST);
                let domain = *rng.pick(DOMAINS);
                let ascii = |s: &str| {
                    s.chars()
                        .filter(|c| c.is_ascii_alphabetic())
                        .collect::<String>()
                        .to_lowercase()
                };
                User {
                    id: okta_id(&mut rng, "00u"),
                    login: format!("{}.{}@{domain}", ascii(first), ascii(last)),
                    display: format!("{first} {last}"),
                    place: rng.below(PLACES.len() as u64) as usize,
                    agent: rng.below(AGENTS.len() as u64) as usize,
                    session: format!("102{}", rng.base62(22)),
                    fingerprint: rng.hex(32),
                }
            })
            .collect();
        let groups = GROUPS
            .iter()
            .map(|g| (okta_id(&mut rng, "00g"), *g))
            .collect();
        let apps = (0..APPS.len())
            .map(|i| (okta_id(&mut rng, "0oa"), i))
            .collect();
        let policies = (0..6)
            .map(|i| {
                (
                    okta_id(&mut rng, "00p"),
                    format!("Sign-on policy {}", i + 1),
                    okta_id(&mut rng, "0pr"),
                )
            })
            .collect();
        Generator {
            rng,
            users,
            groups,
            apps,
            policies,
            // 2024-03-01T00:00:00Z
            clock: 1_709_251_200_000,
        }
    }

    fn next_record(&mut self) -> J {
        self.clock += self.rng.range(1, 2500) as i64;
        let kind = *self.rng.weighted(MIX);
        let ui = self.rng.below(self.users.len() as u64) as usize;
        // Users mostly come back from where they were; sometimes from somewhere new.
        if self.rng.chance(0.05) {
            self.users[ui].place = self.rng.below(PLACES.len() as u64) as usize;
        }
        if self.rng.chance(0.02) {
            self.users[ui].session = format!("102{}", self.rng.base62(22));
        }
        let request_id = format!("Z{}AAA{}", self.rng.base62(23), self.rng.range(1, 9));
        let mut e = Event {
            actor: self.user_ref(ui, "User"),
            auth_provider: J::Null,
            credential_provider: J::Null,
            credential_type: J::Null,
            client: self.client(ui),
            debug: serde_json::Map::new(),
            device: J::Null,
            display: "",
            event_type: "",
            legacy: J::Null,
            reason: J::Null,
            result: "SUCCESS",
            severity: "INFO",
            target: J::Null,
            tx_type: "WEB",
            tx_detail: json!({}),
            request_id: request_id.clone(),
            chain: self.ip_chain(ui),
            security: self.security(ui),
            session: J::String(self.users[ui].session.clone()),
        };
        match kind {
            Kind::SessionStart => self.session_start(&mut e, ui),
            Kind::SessionEnd => {
                e.display = "User logout from Okta";
                e.event_type = "user.session.end";
                e.legacy = json!("core.user_auth.logout_success");
                e.debug_uri(
                    "/login/signout",
                    "?message=login_page_messages.session_has_expired",
                );
                e.debug
                    .insert("authnRequestId".into(), json!(self.rng.base62(27)));
            }
            Kind::Sso => {
                let app = self.app_ref();
                let (_, _, mode) =
                    APPS[self.apps[self.rng.below(self.apps.len() as u64) as usize].1];
                e.display = "User single sign on to app";
                e.event_type = "user.authentication.sso";
                e.legacy = json!("app.auth.sso");
                if self.rng.chance(0.2) {
                    e.client = json!({});
                    e.device = self.device();
                } else {
                    e.debug_uri("/app/sso/saml", "?");
                }
                let mut app = app;
                app["detailEntry"] = json!({"signOnModeType": mode});
                e.target = json!([app, self.app_user(ui)]);
            }
            Kind::PolicyEvaluate => {
                let p = self.rng.below(self.policies.len() as u64) as usize;
                let (pid, pname, rid) = self.policies[p].clone();
                let result = *self
                    .rng
                    .weighted(&[(85, "ALLOW"), (10, "CHALLENGE"), (5, "DENY")]);
                e.display = "Evaluation of sign-on policy";
                e.event_type = "policy.evaluate_sign_on";
                e.legacy = J::Null;
                e.result = result;
                e.reason = json!(format!("Sign-on policy evaluation resulted in {result}"));
                e.debug_uri("/api/v1/authn", "?");
                e.debug.insert(
                    "deviceFingerprint".into(),
                    json!(self.users[ui].fingerprint),
                );
                e.target = json!([
                    {"alternateId": "unknown", "detailEntry": {"policyType": "OktaSignOn"}, "displayName": pname, "id": pid, "type": "PolicyEntity"},
                    {"alternateId": "unknown", "detailEntry": {"policyRuleFactorMode": *self.rng.pick(&["1FA", "2FA"])}, "displayName": "Default Rule", "id": rid, "type": "PolicyRule"}
                ]);
            }
            Kind::Verify => {
                e.display = "Verify user identity";
                e.event_type = "user.authentication.verify";
                e.debug_uri(
                    &format!("/api/v1/authn/factors/{}/verify", self.rng.base62(15)),
                    "?autoPush=false&rememberDevice=false",
                );
                self.risk_debug(&mut e, ui);
                if self.rng.chance(0.1) {
                    e.result = "FAILURE";
                    e.reason = json!("INVALID_CREDENTIALS");
                    e.severity = "WARN";
                }
            }
            Kind::Mfa => {
                let (factor, path) = *self.rng.pick(FACTORS);
                e.display = "Authentication of user via MFA";
                e.event_type = "user.authentication.auth_via_mfa";
                e.legacy = json!("core.user.factor.attempt_success");
                e.auth_provider = json!("FACTOR_PROVIDER");
                e.debug_uri(
                    &format!("/api/v1/authn/factors/{path}/verify"),
                    "?rememberDevice=false",
                );
                e.debug.insert("factor".into(), json!(factor));
                if self.rng.chance(0.5) {
                    e.debug
                        .insert("promptingPolicyTypes".into(), json!("[OKTA_SIGN_ON]"));
                }
                self.risk_debug(&mut e, ui);
                if self.rng.chance(0.08) {
                    e.result = "FAILURE";
                    e.reason = json!("INVALID_CREDENTIALS");
                    e.legacy = json!("core.user.factor.attempt_fail");
                    e.severity = "WARN";
                }
                e.target = json!([self.user_ref(ui, "User")]);
            }
            Kind::UserLifecycle => {
                let admin = self.rng.below(self.users.len() as u64) as usize;
                let (ty, msg, legacy) = *self.rng.pick(&[
                    (
                        "user.lifecycle.create",
                        "Create Okta user",
                        "core.user.config.user_creation.success",
                    ),
                    (
                        "user.lifecycle.activate",
                        "Activate Okta user",
                        "core.user.config.user_activated",
                    ),
                    (
                        "user.lifecycle.deactivate",
                        "Deactivate Okta user",
                        "core.user.config.user_deactivated",
                    ),
                    (
                        "user.lifecycle.suspend",
                        "Suspend Okta user",
                        "core.user.config.user_status.suspended",
                    ),
                    (
                        "user.lifecycle.unsuspend",
                        "Unsuspend Okta user",
                        "core.user.config.user_status.unsuspended",
                    ),
                    (
                        "user.account.lock",
                        "Max sign in attempts exceeded",
                        "core.user_auth.account_locked",
                    ),
                    (
                        "user.account.reset_password",
                        "Fired when the user's Okta password is reset",
                        "core.user.config.password_reset",
                    ),
                ]);
                e.display = msg;
                e.event_type = ty;
                e.legacy = json!(legacy);
                e.actor = self.user_ref(admin, "User");
                e.debug_uri(
                    &format!("/api/v1/users/{}/lifecycle", self.users[ui].id),
                    "?sendEmail=false",
                );
                e.target = json!([self.user_ref(ui, "User")]);
                if ty == "user.account.lock" {
                    e.severity = "WARN";
                }
            }
            Kind::GroupMembership => {
                let g = self.rng.below(self.groups.len() as u64) as usize;
                let add = self.rng.chance(0.7);
                e.display = if add {
                    "Add user to group membership"
                } else {
                    "Remove user from group membership"
                };
                e.event_type = if add {
                    "group.user_membership.add"
                } else {
                    "group.user_membership.remove"
                };
                e.legacy = json!(if add {
                    "core.user_group_member.user_add"
                } else {
                    "core.user_group_member.user_remove"
                });
                let admin = self.rng.below(self.users.len() as u64) as usize;
                e.actor = self.user_ref(admin, "User");
                let (gid, gname) = self.groups[g].clone();
                e.debug_uri(&format!("/admin/group/{gid}/addUser"), "?");
                e.debug.insert("dtHash".into(), json!(self.rng.hex(64)));
                e.target = json!([
                    self.user_ref(ui, "User"),
                    {"alternateId": "unknown", "detailEntry": null, "displayName": gname, "id": gid, "type": "UserGroup"}
                ]);
            }
            Kind::AppUserMembership => {
                let add = self.rng.chance(0.8);
                e.display = if add {
                    "Add user to application membership"
                } else {
                    "Remove user from application membership"
                };
                e.event_type = if add {
                    "application.user_membership.add"
                } else {
                    "application.user_membership.remove"
                };
                e.legacy = json!(if add {
                    "app.generic.provision.assign_user_to_app"
                } else {
                    "app.generic.unauth_app_access_attempt"
                });
                e.target = json!([self.app_user(ui), self.app_ref(), self.user_ref(ui, "User")]);
            }
            Kind::AppLifecycle => {
                let (ty, msg) = *self.rng.pick(&[
                    ("application.lifecycle.create", "Create application"),
                    ("application.lifecycle.update", "Update application"),
                    ("application.lifecycle.activate", "Activate application"),
                    ("application.lifecycle.deactivate", "Deactivate application"),
                ]);
                e.display = msg;
                e.event_type = ty;
                e.debug_uri("/api/v1/apps", "?activate=true");
                e.target = json!([self.app_ref()]);
            }
            Kind::PolicyRule => {
                let p = self.rng.below(self.policies.len() as u64) as usize;
                let (pid, pname, rid) = self.policies[p].clone();
                let (ty, msg) = *self.rng.pick(&[
                    ("policy.rule.add", "Add policy rule"),
                    ("policy.rule.update", "Update policy rule"),
                    ("policy.rule.deactivate", "Deactivate policy rule"),
                    ("policy.rule.delete", "Delete policy rule"),
                ]);
                e.display = msg;
                e.event_type = ty;
                e.debug_uri(&format!("/api/v1/policies/{pid}/rules/{rid}"), "?");
                e.target = json!([
                    {"alternateId": "unknown", "detailEntry": {"policyRuleFactorMode": "2FA"}, "displayName": "Require MFA off network", "id": rid, "type": "PolicyRule"},
                    {"alternateId": "unknown", "detailEntry": {"policyType": "OktaSignOn"}, "displayName": pname, "id": pid, "type": "PolicyEntity"}
                ]);
            }
            Kind::RateLimit => {
                let violation = self.rng.chance(0.4);
                e.display = if violation {
                    "Rate limit violation"
                } else {
                    "Rate limit warning"
                };
                e.event_type = if violation {
                    "system.org.rate_limit.violation"
                } else {
                    "system.org.rate_limit.warning"
                };
                e.severity = "WARN";
                e.actor = system_actor();
                e.debug_uri("/api/v1/users", "?limit=200");
                let threshold = *self.rng.pick(&[600u32, 1200, 2000]);
                for (k, v) in [
                    ("operationRateLimitScopeType", json!("Org")),
                    (
                        "operationRateLimitSecondsToReset",
                        json!(self.rng.range(1, 59).to_string()),
                    ),
                    ("operationRateLimitSubtype", json!("Org")),
                    ("operationRateLimitThreshold", json!(threshold.to_string())),
                    ("operationRateLimitTimeSpan", json!("1")),
                    ("operationRateLimitTimeUnit", json!("MINUTES")),
                    ("operationRateLimitType", json!("web_request")),
                    ("rateLimitBucketUuid", json!(self.rng.uuid())),
                ] {
                    e.debug.insert(k.into(), v);
                }
                e.target = json!([{"alternateId": "/api/v1/users", "detailEntry": null, "displayName": "/api/v1/users", "id": "/api/v1/users", "type": "URL Pattern"}]);
            }
            Kind::RequestBlocked => {
                e.display = "Request from suspicious actor";
                e.event_type = "security.request.blocked";
                e.result = "DENY";
                e.reason = json!(*self.rng.pick(&[
                    "Blocklisted IP",
                    "Anonymizing proxy",
                    "Too many failed sign-in attempts"
                ]));
                e.severity = "WARN";
                e.actor = json!({"alternateId": "unknown", "detailEntry": null, "displayName": "Unknown", "id": "unknown", "type": "PublicClientApp"});
                // Blocked requests come from the anonymous-IP entry of the test database.
                let place = &PLACES[8];
                e.client["ipAddress"] = json!(place.ip);
                e.chain = json!([chain_entry(place)]);
                e.security = security_of(place);
                e.debug_uri("/api/v1/authn", "?");
                e.debug.insert("threatSuspected".into(), json!("true"));
                e.debug.insert(
                    "threatDetections".into(),
                    json!("{\"Password Spray\":\"POSITIVE\",\"Credential Stuffing\":\"NEGATIVE\"}"),
                );
                e.session = J::Null;
            }
            Kind::AppUserManagement => {
                e.display = "Successfully imported new member to an app group";
                e.event_type = "app.user_management";
                e.legacy = json!("app.user_management.app_group_member_import.insert_success");
                e.actor = system_actor();
                e.client = json!({"device": null, "geographicalContext": null, "id": null, "ipAddress": null, "userAgent": null, "zone": null});
                e.chain = json!([]);
                e.security = json!({"asNumber": null, "asOrg": null, "domain": null, "isProxy": null, "isp": null});
                e.tx_type = "JOB";
                let (gid, gname) =
                    self.groups[self.rng.below(self.groups.len() as u64) as usize].clone();
                e.target = json!([
                    self.app_user(ui),
                    {"alternateId": format!("{}@groups.example.com", gname.to_lowercase()), "detailEntry": null, "displayName": gname, "id": gid, "type": "AppGroup"},
                    self.user_ref(ui, "User"),
                    self.app_ref()
                ]);
            }
            Kind::DeviceAdd => {
                e.display = "Add device to user";
                e.event_type = "device.user.add";
                e.debug_uri("/idp/authenticators", "?");
                e.tx_detail = json!({"requestApiTokenId": format!("00T{}", self.rng.base62(17))});
                e.target = json!([{
                    "alternateId": "unknown",
                    "detailEntry": {"deviceStatus": "CREATED", "managed": "false", "oktaDeviceId": okta_id(&mut self.rng, "guo"), "osPlatform": "MACOS", "osVersion": "14.2.1", "serialNumber": self.rng.base62(10).to_uppercase(), "tpmPresent": "false", "uuid": self.rng.uuid().to_uppercase()},
                    "displayName": format!("{}'s MacBook Pro", self.users[ui].display.split(' ').next().unwrap_or("User")),
                    "id": okta_id(&mut self.rng, "guo"),
                    "type": "UDDevice"
                }]);
            }
        }
        let uuid = self.rng.uuid();
        e.into_json(self.clock, uuid)
    }

    fn session_start(&mut self, e: &mut Event, ui: usize) {
        e.display = "User login to Okta";
        e.event_type = "user.session.start";
        e.auth_provider = json!("OKTA_AUTHENTICATION_PROVIDER");
        e.credential_provider = json!("OKTA_CREDENTIAL_PROVIDER");
        e.credential_type = json!("PASSWORD");
        e.debug_uri("/api/v1/authn", "?");
        e.debug.insert(
            "deviceFingerprint".into(),
            json!(self.users[ui].fingerprint),
        );
        if self.rng.chance(0.12) {
            e.result = "FAILURE";
            e.reason =
                json!(*self
                    .rng
                    .pick(&["INVALID_CREDENTIALS", "VERIFICATION_ERROR", "LOCKED_OUT"]));
            e.legacy = json!("core.user_auth.login_failed");
            e.severity = "WARN";
        } else {
            e.legacy = json!("core.user_auth.login_success");
        }
        if self.rng.chance(0.15) {
            let (level, reasons) = self.risk();
            let mut security = serde_json::Map::new();
            let mut risk = serde_json::Map::new();
            if let Some(r) = reasons {
                risk.insert("reasons".into(), json!(r));
            }
            risk.insert("level".into(), json!(level));
            security.insert("risk".into(), J::Object(risk));
            let behaviors: serde_json::Map<String, J> = self
                .behaviors()
                .into_iter()
                .map(|(k, v)| (k.to_string(), json!(v)))
                .collect();
            security.insert("behaviors".into(), J::Object(behaviors));
            e.debug.insert(
                "logOnlySecurityData".into(),
                json!(J::Object(security).to_string()),
            );
            e.debug
                .insert("originalPrincipal".into(), self.user_ref(ui, "User"));
        }
    }

    fn risk(&mut self) -> (&'static str, Option<&'static str>) {
        *self.rng.weighted(&[
            (70, ("LOW", None)),
            (20, ("MEDIUM", Some("Anomalous Location"))),
            (10, ("HIGH", Some("Anomalous Device, Anomalous Location"))),
        ])
    }

    fn behaviors(&mut self) -> Vec<(&'static str, &'static str)> {
        BEHAVIOR_NAMES
            .iter()
            .map(|&b| {
                (
                    b,
                    *self
                        .rng
                        .weighted(&[(80, "NEGATIVE"), (18, "POSITIVE"), (2, "BAD_REQUEST")]),
                )
            })
            .collect()
    }

    /// `risk` and `behaviors` as Okta prints them: Java `Map.toString()` text, not JSON.
    fn risk_debug(&mut self, e: &mut Event, ui: usize) {
        let (level, reasons) = self.risk();
        let risk = match reasons {
            Some(r) => format!("{{reasons={r}, level={level}}}"),
            None => format!("{{level={level}}}"),
        };
        let behaviors = self
            .behaviors()
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join(", ");
        e.debug
            .insert("authnRequestId".into(), json!(self.rng.base62(27)));
        e.debug
            .insert("behaviors".into(), json!(format!("{{{behaviors}}}")));
        if self.rng.chance(0.5) {
            e.debug.insert(
                "deviceFingerprint".into(),
                json!(self.users[ui].fingerprint),
            );
        }
        if self.rng.chance(0.5) {
            e.debug.insert("dtHash".into(), json!(self.rng.hex(64)));
        }
        e.debug.insert("risk".into(), json!(risk));
    }

    fn user_ref(&self, ui: usize, ty: &str) -> J {
        let u = &self.users[ui];
        json!({"alternateId": u.login, "detailEntry": null, "displayName": u.display, "id": u.id, "type": ty})
    }

    fn app_user(&mut self, ui: usize) -> J {
        let u = &self.users[ui];
        let id = format!("0ua{}", self.rng.base62(17));
        json!({"alternateId": u.login, "detailEntry": null, "displayName": u.display, "id": id, "type": "AppUser"})
    }

    fn app_ref(&mut self) -> J {
        let (id, i) = &self.apps[self.rng.below(self.apps.len() as u64) as usize];
        let (name, display, _) = APPS[*i];
        json!({"alternateId": name, "detailEntry": null, "displayName": display, "id": id, "type": "AppInstance"})
    }

    fn device(&mut self) -> J {
        json!({
            "device_integrator": null,
            "disk_encryption_type": *self.rng.pick(&["ALL_INTERNAL_VOLUMES", "NONE", "USER"]),
            "id": okta_id(&mut self.rng, "guo"),
            "jailbreak": null,
            "managed": self.rng.chance(0.6),
            "name": *self.rng.pick(&["MacBookPro18,3", "MacBookAir10,1", "iPhone15,2", "Pixel 8"]),
            "os_platform": *self.rng.pick(&["OSX", "IOS", "ANDROID", "WINDOWS"]),
            "os_version": *self.rng.pick(&["14.2.1", "17.1.2", "14", "10.0.19045"]),
            "registered": true,
            "screen_lock_type": *self.rng.pick(&["PASSCODE", "BIOMETRIC"]),
            "secure_hardware_present": self.rng.chance(0.8)
        })
    }

    fn client(&mut self, ui: usize) -> J {
        let u = &self.users[ui];
        let place = &PLACES[u.place];
        let (browser, os, device, raw) = AGENTS[u.agent];
        json!({
            "device": device,
            "geographicalContext": geo(place),
            "id": null,
            "ipAddress": place.ip,
            "userAgent": {"browser": browser, "os": os, "rawUserAgent": raw},
            "zone": "null"
        })
    }

    fn ip_chain(&mut self, ui: usize) -> J {
        let place = &PLACES[self.users[ui].place];
        if self.rng.chance(0.1) {
            // Behind a corporate proxy: the client address first, then the proxy.
            let proxy = &PLACES[self.rng.below(9) as usize];
            json!([chain_entry(place), chain_entry(proxy)])
        } else {
            json!([chain_entry(place)])
        }
    }

    fn security(&mut self, ui: usize) -> J {
        security_of(&PLACES[self.users[ui].place])
    }
}

fn system_actor() -> J {
    json!({"alternateId": "system@okta.com", "detailEntry": null, "displayName": "Okta System", "id": "0oa1systemprincipal1", "type": "SystemPrincipal"})
}

fn geo(place: &Place) -> J {
    if place.city.is_none() {
        return J::Null;
    }
    json!({
        "city": place.city,
        "country": place.country,
        "geolocation": {"lat": place.lat, "lon": place.lon},
        "postalCode": place.postal,
        "state": place.state
    })
}

fn chain_entry(place: &Place) -> J {
    json!({
        "geographicalContext": geo(place),
        "ip": place.ip,
        "source": null,
        "version": if place.ip.contains(':') { "V6" } else { "V4" }
    })
}

fn security_of(place: &Place) -> J {
    json!({
        "asNumber": place.as_number,
        "asOrg": place.as_org,
        "domain": place.domain,
        "isProxy": if place.as_number.is_some() { json!(place.proxy) } else { J::Null },
        "isp": place.isp
    })
}

/// One record under construction; `into_json` lays it out in the System Log API's key order.
struct Event {
    actor: J,
    auth_provider: J,
    credential_provider: J,
    credential_type: J,
    client: J,
    debug: serde_json::Map<String, J>,
    device: J,
    display: &'static str,
    event_type: &'static str,
    legacy: J,
    reason: J,
    result: &'static str,
    severity: &'static str,
    target: J,
    tx_type: &'static str,
    tx_detail: J,
    request_id: String,
    chain: J,
    security: J,
    session: J,
}

impl Event {
    fn debug_uri(&mut self, uri: &str, query: &str) {
        self.debug
            .insert("requestId".into(), json!(self.request_id));
        self.debug.insert("requestUri".into(), json!(uri));
        self.debug.insert("threatSuspected".into(), json!("false"));
        self.debug
            .insert("url".into(), json!(format!("{uri}{query}")));
    }

    fn into_json(self, millis: i64, uuid: String) -> J {
        let mut debug: Vec<(String, J)> = self.debug.into_iter().collect();
        debug.sort_by(|a, b| a.0.cmp(&b.0));
        let debug: serde_json::Map<String, J> = debug.into_iter().collect();
        json!({
            "actor": self.actor,
            "authenticationContext": {
                "authenticationProvider": self.auth_provider,
                "authenticationStep": 0,
                "credentialProvider": self.credential_provider,
                "credentialType": self.credential_type,
                "externalSessionId": self.session,
                "interface": null,
                "issuer": null
            },
            "client": self.client,
            "debugContext": {"debugData": debug},
            "device": self.device,
            "displayMessage": self.display,
            "eventType": self.event_type,
            "legacyEventType": self.legacy,
            "outcome": {"reason": self.reason, "result": self.result},
            "published": iso_millis(millis),
            "request": {"ipChain": self.chain},
            "securityContext": self.security,
            "severity": self.severity,
            "target": self.target,
            "transaction": {"detail": self.tx_detail, "id": self.request_id, "type": self.tx_type},
            "uuid": uuid,
            "version": "0"
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corpus(count: u64, seed: u64) -> String {
        let mut out = Vec::new();
        write_corpus(&mut out, count, seed).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn same_seed_same_bytes_other_seed_other_bytes() {
        assert_eq!(corpus(300, 42), corpus(300, 42));
        assert_ne!(corpus(300, 42), corpus(300, 43));
        // A prefix of a longer corpus is the shorter corpus.
        assert!(corpus(300, 42).starts_with(&corpus(100, 42)));
    }

    #[test]
    fn records_are_varied_objects_in_upstream_shape() {
        let text = corpus(3000, 1);
        let mut types = std::collections::BTreeSet::new();
        let mut ips = std::collections::BTreeSet::new();
        let mut last = String::new();
        for line in text.lines() {
            let v: J = serde_json::from_str(line).unwrap();
            let keys: Vec<&String> = v.as_object().unwrap().keys().collect();
            assert_eq!(keys.first().map(|k| k.as_str()), Some("actor"));
            assert_eq!(keys.last().map(|k| k.as_str()), Some("version"));
            types.insert(v["eventType"].as_str().unwrap().to_string());
            if let Some(ip) = v["client"]["ipAddress"].as_str() {
                ips.insert(ip.to_string());
            }
            let published = v["published"].as_str().unwrap().to_string();
            assert!(published > last, "published must increase");
            last = published;
        }
        for t in [
            "user.session.start",
            "user.session.end",
            "user.authentication.sso",
            "policy.evaluate_sign_on",
            "user.authentication.auth_via_mfa",
            "user.authentication.verify",
            "group.user_membership.add",
            "system.org.rate_limit.warning",
            "security.request.blocked",
            "app.user_management",
            "device.user.add",
        ] {
            assert!(types.contains(t), "missing {t} in {types:?}");
        }
        assert!(types.iter().any(|t| t.starts_with("user.lifecycle.")));
        assert!(types
            .iter()
            .any(|t| t.starts_with("application.lifecycle.")));
        assert!(types.iter().any(|t| t.starts_with("policy.rule.")));
        for ip in [
            "175.16.199.1",
            "81.2.69.142",
            "89.160.20.128",
            "67.43.156.14",
            "10.0.4.17",
        ] {
            assert!(ips.contains(ip), "missing {ip}");
        }
    }
}
