"""Writes test_data/okta (run from the repository root: python3 tests/okta_support/gen_test_data.py).

The records are invented but follow Okta's System Log API LogEvent schema. The documented sample
event is not copied here: tests/okta_sample_event.rs reads it from ../shared at test time."""
import json, copy, re

def geo(city, state, country, postal, lat, lon):
    return {"city": city, "state": state, "country": country, "postalCode": postal,
            "geolocation": {"lat": lat, "lon": lon}}

GEO = {
  "81.2.69.144": geo("London", "England", "United Kingdom", "EC1A", 51.5142, -0.0931),
  "175.16.199.1": geo("Changchun", "Jilin Sheng", "China", None, 43.88, 125.3228),
  "67.43.156.14": geo(None, None, "Bhutan", None, 27.5, 90.5),
  "89.160.20.112": geo("Linköping", "Östergötland County", "Sweden", "582 12", 58.4167, 15.6167),
  "216.160.83.56": geo("Milton", "Washington", "United States", "98354", 47.2513, -122.3149),
  "108.255.197.247": geo("Dublin", "California", "United States", "94568", 37.7201, -121.919),
  "2a02:cf40::1": geo("Oslo", "Oslo", "Norway", "0150", 59.9127, 10.7461),
}

UA = {
 "chrome_win": ("CHROME", "Windows 10", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.0.0 Safari/537.36"),
 "safari_ios": ("SAFARI", "iOS", "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1"),
 "firefox_mac": ("FIREFOX", "Mac OS X", "Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:120.0) Gecko/20100101 Firefox/120.0"),
 "edge_win": ("EDGE_CHROMIUM", "Windows 10", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/118.0.0.0 Safari/537.36 Edg/118.0.2088.76"),
 "sdk": ("UNKNOWN", "Linux", "okta-sdk-java/8.2.2 java/17.0.9 Linux/5.15.0-1051-aws"),
 "verify": ("UNKNOWN", "Mac OS X", "OktaVerify/4.5.1.0 (Macintosh; macOS 14.1.1; Build/23B81)"),
}

def client(ip, ua="chrome_win", device="Computer", zone="null", cid=None):
    b, o, raw = UA[ua]
    return {"userAgent": {"rawUserAgent": raw, "os": o, "browser": b}, "zone": zone, "device": device,
            "id": cid, "ipAddress": ip, "geographicalContext": copy.deepcopy(GEO[ip])}

def ipchain(*ips, source=None):
    out = []
    for ip in ips:
        out.append({"ip": ip, "geographicalContext": copy.deepcopy(GEO[ip]),
                    "version": "V6" if ":" in ip else "V4", "source": source})
    return {"ipChain": out}

def user(uid, login, name):
    return {"id": uid, "type": "User", "alternateId": login, "displayName": name, "detailEntry": None}

ALICE = user("00u8kvh2f1NdCwE3R5d7", "alice.nguyen@example.com", "Alice Nguyen")
BOB = user("00u8kvk9cYq2T0NuP5d7", "bob.martin@example.com", "Bob Martin")
ADMIN = user("00u1q2w3e4R5t6Y7u5d7", "it.admin@example.com", "IT Admin")
SYSTEM = {"id": "0oa1mb4hkgD0yFSqx5d7", "type": "PublicClientApp", "alternateId": "0oa1mb4hkgD0yFSqx5d7", "displayName": "Okta Workflows", "detailEntry": None}
UNKNOWN = {"id": "unknown", "type": "User", "alternateId": "unknown", "displayName": "Unknown", "detailEntry": None}

def secctx(asn=None, org=None, isp=None, domain=None, proxy=None):
    return {"asNumber": asn, "asOrg": org, "isp": isp, "domain": domain, "isProxy": proxy}

def auth(step=0, ext="idx1xhDbNSCTOyT6Jm0HV6tIw", provider=None, cprov=None, ctype=None, iface=None, issuer=None):
    return {"authenticationProvider": provider, "credentialProvider": cprov, "credentialType": ctype,
            "issuer": issuer, "interface": iface, "authenticationStep": step, "externalSessionId": ext}

uuid_n = [0]
def uuid():
    uuid_n[0] += 1
    return "%08x-8c3a-11ee-%04x-6d1f2b5e9a%02x" % (0x5a1b2c00 + uuid_n[0], 0x9b00 + uuid_n[0], uuid_n[0])

def event(etype, msg, actor, cl, result="SUCCESS", reason=None, published="2023-11-28T09:14:03.512Z",
          debug=None, target=None, sec=None, au=None, legacy=None, txtype="WEB", txid=None, txdetail=None,
          req=None, severity="INFO", device=None):
    e = {"actor": actor, "client": cl}
    if device is not False:
        e["device"] = device
    e.update({
        "authenticationContext": au or auth(),
        "displayMessage": msg, "eventType": etype,
        "outcome": {"result": result, "reason": reason},
        "published": published,
        "securityContext": sec or secctx(),
        "severity": severity,
        "debugContext": {"debugData": debug if debug is not None else {}},
        "legacyEventType": legacy,
        "transaction": {"type": txtype, "id": txid or "ZWWv2xGH6Jd8rK1m0bTfYgAABWQ", "detail": txdetail if txdetail is not None else {}},
        "uuid": uuid(), "version": "0",
        "request": req if req is not None else ipchain(cl["ipAddress"]) if cl and cl.get("ipAddress") else {"ipChain": []},
        "target": target,
    })
    return e

def dbg(**kw):
    d = {"requestId": "ZWWv2xGH6Jd8rK1m0bTfYgAABWQ", "requestUri": "/idp/idx/identify", "url": "/idp/idx/identify?"}
    d.update(kw)
    return d

GROUP_ENG = {"id": "00g5l7mr1kAbCdEfG5d7", "type": "UserGroup", "alternateId": "unknown", "displayName": "Engineering", "detailEntry": None}
APP_SF = {"id": "0oa6xq2ab3CdEfGhI5d7", "type": "AppInstance", "alternateId": "Salesforce.com", "displayName": "Salesforce.com", "detailEntry": {"signOnModeType": "SAML_2_0"}}
def appuser(u):
    return {"id": "0ua9z8y7x6W5v4U3t5d7", "type": "AppUser", "alternateId": u["alternateId"], "displayName": u["displayName"], "detailEntry": None}
POLICY = {"id": "00p7hj2kl3MnOpQrS5d7", "type": "PolicyEntity", "alternateId": "unknown", "displayName": "Contractors sign-on policy", "detailEntry": {"policyType": "OktaSignOn"}}
RULE = {"id": "0pr3st4uv5WxYzAbC5d7", "type": "PolicyRule", "alternateId": "00p7hj2kl3MnOpQrS5d7", "displayName": "Require MFA off-network", "detailEntry": None}

files = {}

# ---- sessions, SSO, sign-on policy
S = []
S.append(event("user.session.start", "User login to Okta", ALICE, client("81.2.69.144", "chrome_win"),
    au=auth(provider="OKTA_AUTHENTICATION_PROVIDER", ctype="PASSWORD", ext="idxq1VtRHXa2ciCqkGKF3UWZg"),
    debug=dbg(deviceFingerprint="2f4c6a9b1d8e3f5a7c0b2d4e6f8a1c3e", threatSuspected="false", requestUri="/idp/idx/challenge/answer", url="/idp/idx/challenge/answer?"),
    legacy="core.user_auth.login_success", published="2023-11-28T09:14:03.512Z",
    sec=secctx(20712, "andrews & arnold ltd", "andrews & arnold ltd", "aa.net.uk", False)))
S.append(event("user.session.start", "User login to Okta", BOB, client("175.16.199.1", "firefox_mac"),
    result="FAILURE", reason="INVALID_CREDENTIALS",
    au=auth(provider="OKTA_AUTHENTICATION_PROVIDER", ctype="PASSWORD", ext="unknown"),
    debug=dbg(threatSuspected="false", requestUri="/api/v1/authn", url="/api/v1/authn?"),
    legacy="core.user_auth.login_failed", severity="WARN", published="2023-11-28T09:15:41.007Z"))
S.append(event("user.session.end", "User logout from Okta", ALICE, client("81.2.69.144", "chrome_win"),
    debug=dbg(authnRequestId="ZWWv2xGH6Jd8rK1m0bTfYgAABWQ", requestUri="/login/signout", url="/login/signout?fromURI=%2Fapp%2FUserHome", threatSuspected="false"),
    legacy="core.user_auth.logout_success", published="2023-11-28T17:45:09.220Z"))
S.append(event("policy.evaluate_sign_on", "Evaluation of sign-on policy", ALICE, client("81.2.69.144", "chrome_win"),
    result="ALLOW", reason="Sign-on policy evaluation resulted in ALLOW",
    debug=dbg(deviceFingerprint="2f4c6a9b1d8e3f5a7c0b2d4e6f8a1c3e", threatSuspected="false", behaviors="{New Geo-Location=NEGATIVE, New Device=NEGATIVE, New IP=NEGATIVE, New State=NEGATIVE, New Country=NEGATIVE, Velocity=NEGATIVE, New City=NEGATIVE}", risk="{level=LOW}"),
    target=[POLICY, RULE], published="2023-11-28T09:14:02.904Z"))
S.append(event("policy.evaluate_sign_on", "Evaluation of sign-on policy", BOB, client("175.16.199.1", "firefox_mac"),
    result="DENY", reason="Sign-on policy evaluation resulted in DENY",
    debug=dbg(threatSuspected="true", behaviors="{New Geo-Location=POSITIVE, New Device=POSITIVE, New IP=POSITIVE, New State=POSITIVE, New Country=POSITIVE, Velocity=POSITIVE, New City=POSITIVE}", risk="{reasons=Anomalous Location, New Device, level=HIGH}"),
    target=[POLICY, RULE], severity="WARN", published="2023-11-28T09:15:40.812Z"))
S.append(event("user.authentication.sso", "User single sign on to app", ALICE, client("81.2.69.144", "chrome_win"),
    au=auth(ext="idxq1VtRHXa2ciCqkGKF3UWZg", provider="OKTA_AUTHENTICATION_PROVIDER", iface="SAML_2_0"),
    debug=dbg(requestUri="/app/salesforce/exk6xq2ab3CdEfGhI5d7/sso/saml", url="/app/salesforce/exk6xq2ab3CdEfGhI5d7/sso/saml?SAMLRequest=fVLLTsMwELwj8Q%2BW7%2FQ&RelayState=%2Fhome", threatSuspected="false"),
    target=[APP_SF, appuser(ALICE)], legacy="app.auth.sso", published="2023-11-28T09:16:12.345Z",
    device={"id": "guo9x1b2c3DeFgHiJ5d7", "name": "ALICE-LT-0042", "os_platform": "WINDOWS", "os_version": "10.0.22631", "managed": True, "registered": True,
            "device_integrator": "{\"WSC\":{},\"CROWDSTRIKE\":{\"zta\":\"100\"}}", "disk_encryption_type": "SYSTEM_VOLUME", "screen_lock_type": "BIOMETRIC", "jailbreak": None, "secure_hardware_present": True}))
S.append(event("user.authentication.sso", "User single sign on to app", BOB, client("2a02:cf40::1", "safari_ios", device="Mobile"),
    au=auth(ext="idxTT8vqGZ0TrmxOGR4gKdeIQ", provider="OKTA_AUTHENTICATION_PROVIDER", iface="OpenID Connect"),
    debug=dbg(requestUri="/oauth2/v1/authorize", url="/oauth2/v1/authorize?client_id=0oa6xq2ab3CdEfGhI5d7&response_type=code", threatSuspected="false"),
    target=[APP_SF, appuser(BOB)], published="2023-11-28T10:02:55.918Z",
    device={"id": "guo7m6n5b4VcXzAsD5d7", "name": "Bob's iPhone", "os_platform": "IOS", "os_version": "17.1.2", "managed": False, "registered": True,
            "device_integrator": None, "disk_encryption_type": "ALL_INTERNAL_VOLUMES", "screen_lock_type": "PASSCODE", "jailbreak": False, "secure_hardware_present": True},
    sec=secctx(2119, "Telenor Norge AS", "Telenor Norge AS", "telenor.no", False)))
files["okta-sessions.log"] = S

# ---- MFA and risk
M = []
M.append(event("user.authentication.auth_via_mfa", "Authentication of user via MFA", ALICE, client("81.2.69.144", "chrome_win"),
    au=auth(step=0, ext="idxq1VtRHXa2ciCqkGKF3UWZg", provider="FACTOR_PROVIDER", cprov="OKTA_CREDENTIAL_PROVIDER", ctype="OTP"),
    debug=dbg(authnRequestId="ZWWv2xGH6Jd8rK1m0bTfYgAABWQ", factor="OKTA_VERIFY_PUSH", factorIntent="AUTHENTICATION", deviceFingerprint="2f4c6a9b1d8e3f5a7c0b2d4e6f8a1c3e", dtHash="5c1de4b3a2f1e0d9c8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5",
              behaviors="{New Geo-Location=NEGATIVE, New Device=NEGATIVE, New IP=NEGATIVE, New State=NEGATIVE, Velocity Behavior=NEGATIVE, New Country=NEGATIVE, New City=NEGATIVE}",
              risk="{level=LOW}", promptingPolicyTypes="[OKTA_SIGN_ON]", threatSuspected="false", requestUri="/idp/idx/challenge/answer", url="/idp/idx/challenge/answer?"),
    target=[user(ALICE["id"], ALICE["alternateId"], ALICE["displayName"]),
            {"id": "opf2p3q4r5StUvWxY5d7", "type": "AuthenticatorEnrollment", "alternateId": "unknown", "displayName": "Okta Verify",
             "detailEntry": {"methodTypeUsed": "Get a push notification", "methodUsedVerifiedProperties": "[DEVICE_BOUND, HARDWARE_PROTECTED, USER_PRESENCE]"}}],
    published="2023-11-28T09:14:01.276Z"))
M.append(event("user.authentication.auth_via_mfa", "Authentication of user via MFA", BOB, client("175.16.199.1", "firefox_mac"),
    result="FAILURE", reason="INVALID_CREDENTIALS",
    au=auth(ext="idxTT8vqGZ0TrmxOGR4gKdeIQ", provider="FACTOR_PROVIDER", cprov="DUO", ctype="OTP"),
    debug=dbg(factor="DUO_SECURITY", behaviors="{New Geo-Location=POSITIVE, New Device=POSITIVE, New IP=POSITIVE, New State=POSITIVE, Velocity Behavior=POSITIVE, New Country=POSITIVE, New City=POSITIVE}",
              risk="{reasons=Anomalous Geo-Distance, Anomalous Device, level=HIGH}", threatSuspected="true"),
    target=[user(BOB["id"], BOB["alternateId"], BOB["displayName"])], severity="WARN", published="2023-11-28T09:15:43.551Z"))
M.append(event("user.authentication.verify", "Verify user identity", BOB, client("216.160.83.56", "edge_win"),
    au=auth(ext="idxa9s8d7f6G5h4J3k2L1zXcV", provider="OKTA_AUTHENTICATION_PROVIDER", ctype="PASSWORD"),
    debug=dbg(authnRequestId="ZWWx7yJ1qR2sT3uV4wX5yZAABAA", behaviors="{New Geo-Location=NEGATIVE, New Device=POSITIVE, New IP=NEGATIVE, New State=NEGATIVE, New Country=NEGATIVE, Velocity=POSITIVE, New City=NEGATIVE}",
              risk="{reasons=Anomalous Device, level=MEDIUM}", dtHash="0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9", threatSuspected="false", requestUri="/idp/idx/identify", url="/idp/idx/identify?"),
    target=[user(BOB["id"], BOB["alternateId"], BOB["displayName"])], published="2023-11-28T11:20:07.004Z",
    sec=secctx(209, "CenturyLink Communications, LLC", "Qwest Communications", "qwest.net", False)))
M.append(event("user.session.start", "User login to Okta", BOB, client("216.160.83.56", "edge_win"),
    au=auth(ext="idxa9s8d7f6G5h4J3k2L1zXcV", provider="OKTA_AUTHENTICATION_PROVIDER", ctype="PASSWORD"),
    debug=dbg(logOnlySecurityData="{\"risk\":{\"level\":\"MEDIUM\",\"reasons\":\"Anomalous Device, Anomalous Location\"},\"behaviors\":{\"New Geo-Location\":\"POSITIVE\",\"New Device\":\"POSITIVE\",\"New IP\":\"POSITIVE\",\"New State\":\"NEGATIVE\",\"New Country\":\"NEGATIVE\",\"Velocity\":\"NEGATIVE\",\"New City\":\"POSITIVE\"}}",
              originalPrincipal={"id": ADMIN["id"], "type": "User", "alternateId": ADMIN["alternateId"], "displayName": ADMIN["displayName"], "detailEntry": None},
              threatSuspected="false", requestUri="/api/v1/authn", url="/api/v1/authn?"),
    legacy="core.user_auth.login_success", published="2023-11-28T11:20:09.661Z",
    sec=secctx(209, "CenturyLink Communications, LLC", "Qwest Communications", "qwest.net", False)))
M.append(event("user.mfa.factor.activate", "User set up Okta Verify factor", ALICE, client("81.2.69.144", "verify", device="Computer"),
    au=auth(ext="idxq1VtRHXa2ciCqkGKF3UWZg"),
    debug=dbg(factor="OKTA_VERIFY_PUSH", factorIntent="ENROLLMENT", requestUri="/idp/authenticators", url="/idp/authenticators?"),
    target=[user(ALICE["id"], ALICE["alternateId"], ALICE["displayName"])], legacy="core.user.factor.activate", published="2023-11-27T16:02:33.110Z"))
M.append(event("user.mfa.factor.deactivate", "Reset factor for user", ADMIN, client("89.160.20.112", "chrome_win"),
    au=auth(ext="idxZ1x2C3v4B5n6M7a8S9d0Fg"),
    debug=dbg(factor="SMS_FACTOR", requestUri="/api/v1/users/00u8kvk9cYq2T0NuP5d7/factors/sms2gt8gzgEBPUWBIFHN", url="/api/v1/users/00u8kvk9cYq2T0NuP5d7/factors/sms2gt8gzgEBPUWBIFHN?"),
    target=[user(BOB["id"], BOB["alternateId"], BOB["displayName"])], legacy="core.user.factor.deactivate", published="2023-11-28T13:40:00.000Z",
    sec=secctx(29518, "Bredband2 AB", "Bredband2 AB", "bredband2.com", False)))
files["okta-mfa.log"] = M

# ---- user lifecycle, groups, app membership
I = []
ac = lambda: client("89.160.20.112", "chrome_win")
asec = lambda: secctx(29518, "Bredband2 AB", "Bredband2 AB", "bredband2.com", False)
adbg = lambda uri: dbg(requestUri=uri, url=uri + "?", dtHash="9f8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a39281706f5e4d3c2b1a0")
CAROL = user("00u9abcd1EfGhIjK25d7", "carol.diaz@example.com", "Carol Diaz")
for i, (et, msg, legacy, tgt) in enumerate([
    ("user.lifecycle.create", "Create Okta user", "core.user.config.user_creation.success", CAROL),
    ("user.lifecycle.activate", "Activate Okta user", "core.user.config.user_activated", CAROL),
    ("user.lifecycle.suspend", "Suspend Okta user", "core.user.config.user_status.suspended", CAROL),
    ("user.lifecycle.unsuspend", "Unsuspend Okta user", "core.user.config.user_status.unsuspended", CAROL),
    ("user.lifecycle.deactivate", "Deactivate Okta user", "core.user.config.user_deactivated", CAROL)]):
    I.append(event(et, msg, ADMIN, ac(), au=auth(ext="idxZ1x2C3v4B5n6M7a8S9d0Fg"), debug=adbg("/api/v1/users/" + CAROL["id"] + "/lifecycle"),
        target=[copy.deepcopy(tgt)], legacy=legacy, sec=asec(), published="2023-11-28T14:0%d:1%d.%03dZ" % (i, i, 100 + i)))
I.append(event("group.user_membership.add", "Add user to group membership", ADMIN, ac(), au=auth(ext="idxZ1x2C3v4B5n6M7a8S9d0Fg"),
    debug=adbg("/api/v1/groups/00g5l7mr1kAbCdEfG5d7/users/00u9abcd1EfGhIjK25d7"),
    target=[copy.deepcopy(CAROL), GROUP_ENG], legacy="core.user_group_member.user_add", sec=asec(), published="2023-11-28T14:06:00.000Z"))
I.append(event("group.user_membership.remove", "Remove user from group membership", SYSTEM,
    {"userAgent": None, "zone": None, "device": None, "id": None, "ipAddress": None, "geographicalContext": None},
    au=auth(ext=None, step=0), debug={"requestId": "ZWWz0aBcDeFgHiJkLmNoPwAACBE", "requestUri": "", "url": ""},
    target=[GROUP_ENG, copy.deepcopy(CAROL)], legacy="core.user_group_member.user_remove", txtype="JOB", txid="wrk1a2b3c4D5e6F7g5d7",
    published="2023-11-28T14:30:00.000Z"))
I.append(event("application.user_membership.add", "Add user to application membership", ADMIN, ac(), au=auth(ext="idxZ1x2C3v4B5n6M7a8S9d0Fg"),
    debug=adbg("/api/v1/apps/0oa6xq2ab3CdEfGhI5d7/users"),
    target=[appuser(CAROL), APP_SF, copy.deepcopy(CAROL)], legacy="app.user_management.user_added", sec=asec(), published="2023-11-28T14:07:00.000Z"))
I.append(event("application.user_membership.change_username", "Change user's application username", ADMIN, ac(), au=auth(ext="idxZ1x2C3v4B5n6M7a8S9d0Fg"),
    debug=adbg("/api/v1/apps/0oa6xq2ab3CdEfGhI5d7/users/00u9abcd1EfGhIjK25d7"),
    target=[dict(appuser(CAROL), changeDetails={"from": {"userName": "cdiaz@example.com"}, "to": {"userName": "carol.diaz@example.com"}}), APP_SF, copy.deepcopy(CAROL)],
    sec=asec(), published="2023-11-28T14:08:00.000Z"))
I.append(event("application.user_membership.remove", "Remove user from application membership", ADMIN, ac(), au=auth(ext="idxZ1x2C3v4B5n6M7a8S9d0Fg"),
    debug=adbg("/api/v1/apps/0oa6xq2ab3CdEfGhI5d7/users/00u9abcd1EfGhIjK25d7"),
    target=[appuser(CAROL), APP_SF, copy.deepcopy(CAROL)], legacy="app.user_management.user_removed", sec=asec(), published="2023-11-28T14:09:00.000Z"))
files["okta-iam.log"] = I

# ---- policies and applications
C = []
APP_NEW = {"id": "0oab1c2d3EfGhIjKl5d7", "type": "AppInstance", "alternateId": "Expense Tracker", "displayName": "Expense Tracker", "detailEntry": None}
for i, (et, msg, tgts) in enumerate([
    ("policy.lifecycle.create", "Create policy", [POLICY]),
    ("policy.lifecycle.update", "Update policy", [dict(POLICY, changeDetails={"from": {"priority": 2, "description": "Contractors"}, "to": {"priority": 1, "description": "Contractors and vendors"}})]),
    ("policy.lifecycle.activate", "Activate policy", [POLICY]),
    ("policy.lifecycle.deactivate", "Deactivate policy", [POLICY]),
    ("policy.lifecycle.delete", "Delete policy", [POLICY]),
    ("policy.rule.add", "Add policy rule", [RULE, POLICY]),
    ("policy.rule.update", "Update policy rule", [dict(RULE, changeDetails={"from": {"name": "Require MFA"}, "to": {"name": "Require MFA off-network"}}), POLICY]),
    ("policy.rule.activate", "Activate policy rule", [RULE, POLICY]),
    ("policy.rule.deactivate", "Deactivate policy rule", [RULE, POLICY]),
    ("policy.rule.delete", "Delete policy rule", [RULE, POLICY]),
    ("application.lifecycle.create", "Create application", [APP_NEW]),
    ("application.lifecycle.update", "Update application", [dict(APP_NEW, changeDetails={"from": {"label": "Expenses"}, "to": {"label": "Expense Tracker"}})]),
    ("application.lifecycle.activate", "Activate application", [APP_NEW]),
    ("application.lifecycle.deactivate", "Deactivate application", [APP_NEW]),
    ("application.lifecycle.delete", "Delete application", [APP_NEW])]):
    C.append(event(et, msg, ADMIN, ac(), au=auth(ext="idxZ1x2C3v4B5n6M7a8S9d0Fg"),
        debug=adbg("/api/v1/policies/00p7hj2kl3MnOpQrS5d7" if et.startswith("policy") else "/api/v1/apps/0oab1c2d3EfGhIjKl5d7"),
        target=copy.deepcopy(tgts), sec=asec(), published="2023-11-29T08:%02d:00.000Z" % i,
        txdetail={"requestApiTokenId": "00T4a5b6c7D8e9F0g5d7"} if i % 5 == 0 else {}))
files["okta-config.log"] = C

# ---- rate limits, blocked requests, tokens, null/empty values
R = []
R.append(event("system.org.rate_limit.warning", "Rate limit warning", UNKNOWN, client("67.43.156.14", "sdk"),
    result="SUCCESS", debug={"requestId": "ZWY1aBcDeFgHiJkLmNoPwAAA8k", "requestUri": "/api/v1/users", "url": "/api/v1/users?limit=200",
    "threshold": "80", "timeSpan": "1", "timeUnit": "MINUTES", "warningPercent": "60", "operationRateLimitScopeType": "ORG", "operationRateLimitSubtype": "API_TOKEN"},
    target=[{"id": "/api/v1/users", "type": "URL Pattern", "alternateId": "unknown", "displayName": "/api/v1/users", "detailEntry": None}],
    severity="WARN", published="2023-11-29T03:00:01.000Z", sec=secctx(35908, "Some Company", "Some Company", None, False),
    txdetail={"requestApiTokenId": "00T4a5b6c7D8e9F0g5d7"}))
R.append(event("system.org.rate_limit.violation", "Rate limit violation", UNKNOWN, client("67.43.156.14", "sdk"),
    result="DENY", debug={"requestId": "ZWY1bCdEfGhIjKlMnOpQwAAA9A", "requestUri": "/api/v1/users", "url": "/api/v1/users?limit=200",
    "threshold": "600", "timeSpan": "1", "timeUnit": "MINUTES", "operationRateLimitScopeType": "ORG"},
    target=[{"id": "/api/v1/users", "type": "URL Pattern", "alternateId": "unknown", "displayName": "/api/v1/users", "detailEntry": None}],
    severity="WARN", published="2023-11-29T03:00:42.000Z", sec=secctx(35908, "Some Company", "Some Company", None, False),
    txdetail={"requestApiTokenId": "00T4a5b6c7D8e9F0g5d7"}))
R.append(event("core.concurrency.org.limit.violation", "Concurrency limit violation", UNKNOWN, client("67.43.156.14", "sdk"),
    result="DENY", debug={"requestId": "ZWY1cDeFgHiJkLmNoPqRwAAA+o", "requestUri": "/api/v1/logs", "url": "/api/v1/logs?since=2023-11-29T00%3A00%3A00Z", "concurrencyLimit": "75"},
    severity="WARN", published="2023-11-29T03:01:10.000Z", txdetail={"requestApiTokenId": "00T4a5b6c7D8e9F0g5d7"}))
R.append(event("security.request.blocked", "Request from suspicious actor", UNKNOWN, client("175.16.199.1", "sdk", device="Unknown"),
    result="DENY", reason="Blocklisted IP", debug={"requestId": "ZWY2dEfGhIjKlMnOpQrSwAAA5U", "requestUri": "/api/v1/authn", "url": "/api/v1/authn?", "threatSuspected": "true",
    "threatDetections": "{\"Password Spray\":\"HIGH\"}"},
    req=ipchain("175.16.199.1", "67.43.156.14", source="EXTERNAL"),
    severity="WARN", published="2023-11-29T04:12:33.000Z",
    sec=secctx(4837, "China Unicom", "China Unicom Jilin", "chinaunicom.cn", True)))
R.append(event("app.oauth2.as.token.grant.access_token", "OAuth2 access token is granted", SYSTEM, client("216.160.83.56", "sdk", cid="0oa1mb4hkgD0yFSqx5d7"),
    au=auth(ext="unknown", provider="OKTA_AUTHENTICATION_PROVIDER", ctype="OAUTH2", iface="OAUTH2",
            issuer={"id": "aus3fg4hj5KlMnOpQ5d7", "type": "AuthorizationServer"}),
    debug={"clientAuthType": "client_secret_post", "grantType": "client_credentials", "grantedScopes": "okta.logs.read", "requestedScopes": "okta.logs.read",
           "clientSecret": "8d1c3e5a7b9f", "responseTime": "182", "requestId": "ZWY3eFgHiJkLmNoPqRsTwAABBg", "requestUri": "/oauth2/v1/token", "url": "/oauth2/v1/token?", "threatSuspected": "false"},
    target=[{"id": "AT.Xq9fG2hJ3kL4mN5oP6qR7sT8uV9wX0yZ", "type": "access_token", "alternateId": "okta.logs.read", "displayName": "Access Token",
             "detailEntry": {"expires": "2023-11-29T05:12:33.000Z", "subject": "0oa1mb4hkgD0yFSqx5d7", "hash": "9Sm8pIu_ZxP6l1U3oYhQ3g"}}],
    published="2023-11-29T04:12:33.000Z", sec=secctx(209, "CenturyLink Communications, LLC", "Qwest Communications", "qwest.net", False)))
# Null and empty values everywhere; published missing; a target without a type.
nul = event("user.account.lock", "Max sign in attempts exceeded", dict(BOB, displayName=""), client("89.160.20.112", "chrome_win", zone=None),
    result="FAILURE", reason="", debug={"requestId": "ZWY4fGhIjKlMnOpQrStUwAABCc", "requestUri": "/api/v1/authn", "url": "", "behaviors": "", "risk": None, "logOnlySecurityData": None},
    target=[{"id": "00u8kvk9cYq2T0NuP5d7", "type": None, "alternateId": None, "displayName": "", "detailEntry": {}}, None], sec=secctx(None, "", None, None, None),
    au=auth(step=None, ext=""), legacy="core.user_auth.account_locked", severity="", published=None, txdetail={"requestApiTokenId": None})
nul["device"] = {"id": None, "name": "", "os_platform": None, "os_version": None, "managed": None, "registered": None, "device_integrator": None, "disk_encryption_type": None, "screen_lock_type": None, "secure_hardware_present": None}
nul["request"] = {"ipChain": [{"ip": "89.160.20.112", "geographicalContext": None, "version": "V4", "source": None}]}
R.append(nul)
files["okta-security.log"] = R

# Object-mode debug data (_conf.remove_flattened_debug: true): risk and behaviours again.
O = []
O.append(M[0]); O.append(M[1]); O.append(M[2]); O.append(M[3]); O.append(R[4]); O.append(S[1]); O.append(R[3])
odd = event("user.authentication.verify", "Verify user identity", ALICE, client("81.2.69.144", "chrome_win"),
    debug=dbg(behaviors="New Device", risk="{reasons=Unknown}", logOnlySecurityData="not json", authnRequestId="ZWY9gHiJkLmNoPqRsTuVwAAAxx"),
    target=[user(ALICE["id"], ALICE["alternateId"], ALICE["displayName"])], published="2023-11-29T06:00:00.000Z")
O.append(odd)
files["okta-debug-objects.log"] = O

out = 'test_data/okta/'
for name, recs in files.items():
    with open(out + name, 'w') as f:
        for r in recs:
            f.write((r if isinstance(r, str) else json.dumps(r, ensure_ascii=False, separators=(',', ':'))) + '\n')
print({k: len(v) for k, v in files.items()})

# Agent documents: the sessions records with preserve_original_event, the security records without.
with open(out + 'okta-agent.ndjson', 'w') as f:
    recs = [(r, True) for r in files["okta-sessions.log"]] + [(r, False) for r in files["okta-security.log"]]
    for i, (r, keep) in enumerate(recs):
        line = r if isinstance(r, str) else json.dumps(r, ensure_ascii=False, separators=(',', ':'))
        doc = {
          "@timestamp": "2023-11-29T12:00:%02d.%03dZ" % (i, 100 + i),
          "agent": {"ephemeral_id": "4b0e3e3c-2f5e-4d8a-9c61-7f0a1d2b3c4d", "id": "e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a5b", "name": "fleet-agent-okta-01", "type": "filebeat", "version": "8.15.3"},
          "data_stream": {"dataset": "okta.system", "namespace": "default", "type": "logs"},
          "elastic_agent": {"id": "e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a5b", "snapshot": False, "version": "8.15.3"},
          "event": {"created": "2023-11-29T12:00:%02d.%03dZ" % (i, 100 + i), "dataset": "okta.system"},
          "input": {"type": "httpjson"},
          "message": line,
          "tags": (["preserve_original_event"] if keep else []) + ["forwarded", "okta-system"],
        }
        f.write(json.dumps(doc, ensure_ascii=False, separators=(',', ':')) + '\n')
