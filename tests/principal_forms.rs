//! Every form admins paste the principal name in.

use msstd_check::principal::{parse, Defect, Form, PrincipalValue};

fn msstd(name: &str) -> PrincipalValue {
    PrincipalValue::Msstd { name: name.to_owned() }
}

#[test]
fn bare_value() {
    let p = parse("msstd:mail.contoso.com").unwrap();
    assert_eq!(p.form, Form::Value);
    assert_eq!(p.value, msstd("mail.contoso.com"));
    assert!(p.defects.is_empty());
    assert_eq!(p.corrected, None);
}

#[test]
fn blank_is_nothing() {
    assert_eq!(parse("   \n"), None);
}

#[test]
fn set_outlook_provider_in_every_quoting() {
    for line in [
        "Set-OutlookProvider EXPR -CertPrincipalName \"msstd:mail.contoso.com\"",
        "Set-OutlookProvider EXPR -CertPrincipalName:\"msstd:mail.contoso.com\"",
        "Set-OutlookProvider EXPR -CertPrincipalName 'msstd:mail.contoso.com'",
        "Set-OutlookProvider EXPR -CertPrincipalName msstd:mail.contoso.com",
        "Set-OutlookProvider EXPR -CertPrincipalName \u{201c}msstd:mail.contoso.com\u{201d}",
        "set-outlookprovider -Identity EXPR -certprincipalname:msstd:mail.contoso.com",
        "[PS] C:\\Windows\\system32>Set-OutlookProvider EXPR -CertPrincipalName \"msstd:mail.contoso.com\"",
    ] {
        let p = parse(line).unwrap();
        assert_eq!(p.form, Form::SetOutlookProvider, "{line}");
        assert_eq!(p.provider.as_deref(), Some("EXPR"), "{line}");
        assert_eq!(p.value, msstd("mail.contoso.com"), "{line}");
        assert!(p.defects.is_empty(), "{line}: {:?}", p.defects);
    }
}

#[test]
fn set_outlook_provider_null_means_not_set() {
    let p = parse("Set-OutlookProvider EXCH -CertPrincipalName $null").unwrap();
    assert_eq!(p.value, PrincipalValue::NotSet);
    assert_eq!(p.provider.as_deref(), Some("EXCH"));
}

#[test]
fn set_outlook_provider_keeps_defects_inside_the_quotes() {
    let p = parse("Set-OutlookProvider EXPR -CertPrincipalName \"msstd: mail.contoso.com\"").unwrap();
    assert_eq!(p.defects, vec![Defect::SpaceAfterPrefix]);
    assert_eq!(p.corrected.as_deref(), Some("msstd:mail.contoso.com"));
}

#[test]
fn get_outlook_provider_output_prefers_expr() {
    let output = "\r\n\
        CertPrincipalName : msstd:internal.contoso.com\r\n\
        Server            :\r\n\
        Name              : EXCH\r\n\
        Identity          : EXCH\r\n\
        \r\n\
        CertPrincipalName : msstd:mail.contoso.com\r\n\
        Server            :\r\n\
        Name              : EXPR\r\n\
        Identity          : EXPR\r\n\
        \r\n\
        CertPrincipalName :\r\n\
        Server            :\r\n\
        Name              : WEB\r\n";
    let p = parse(output).unwrap();
    assert_eq!(p.form, Form::GetOutlookProvider);
    assert_eq!(p.provider.as_deref(), Some("EXPR"));
    assert_eq!(p.value, msstd("mail.contoso.com"));
}

#[test]
fn get_outlook_provider_empty_value_is_not_set() {
    let p = parse("Name : EXPR\nServer : mail.contoso.com\nCertPrincipalName :\n").unwrap();
    assert_eq!(p.value, PrincipalValue::NotSet);
    assert_eq!(p.server.as_deref(), Some("mail.contoso.com"));
    assert_eq!(p.name(), Some("mail.contoso.com"));
}

const AUTODISCOVER: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006">
  <Response xmlns="http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a">
    <Account>
      <AccountType>email</AccountType>
      <Protocol>
        <Type>EXCH</Type>
        <Server>0c8ed1b1-2f3a-4c0e-9a43-3d44c8e2d7a1@contoso.com</Server>
      </Protocol>
      <Protocol>
        <Type>EXPR</Type>
        <Server>mail.contoso.com</Server>
        <SSL>On</SSL>
        <AuthPackage>Ntlm</AuthPackage>
        <CertPrincipalName>msstd:mail.contoso.com</CertPrincipalName>
      </Protocol>
      <Protocol Type="EXHTTP">
        <Server>mail.contoso.com</Server>
      </Protocol>
    </Account>
  </Response>
</Autodiscover>"#;

#[test]
fn autodiscover_response_expr_section() {
    let p = parse(AUTODISCOVER).unwrap();
    assert_eq!(p.form, Form::AutodiscoverXml);
    assert_eq!(p.provider.as_deref(), Some("EXPR"));
    assert_eq!(p.value, msstd("mail.contoso.com"));
    assert_eq!(p.server.as_deref(), Some("mail.contoso.com"));
}

#[test]
fn autodiscover_without_cert_principal_name_uses_the_server() {
    let xml = AUTODISCOVER.replace("<CertPrincipalName>msstd:mail.contoso.com</CertPrincipalName>", "");
    let p = parse(&xml).unwrap();
    assert_eq!(p.value, PrincipalValue::NotSet);
    assert_eq!(p.provider.as_deref(), Some("EXPR"));
    assert_eq!(p.name(), Some("mail.contoso.com"));
}

#[test]
fn autodiscover_exhttp_attribute_form() {
    let xml = r#"<Protocol Type="EXHTTP" Version="1"><Server>mail.contoso.com</Server><CertPrincipalName>msstd:mail.contoso.com</CertPrincipalName></Protocol>"#;
    let p = parse(xml).unwrap();
    assert_eq!(p.provider.as_deref(), Some("EXHTTP"));
    assert_eq!(p.value, msstd("mail.contoso.com"));
}

#[test]
fn prf_line() {
    let prf = "[Exchange Proxy]\r\nRPCProxyServer=mail.contoso.com\r\nRPCProxyPrincipalName=msstd:mail.contoso.com\r\nRPCProxyAuthScheme=Basic\r\n";
    let p = parse(prf).unwrap();
    assert_eq!(p.form, Form::Prf);
    assert_eq!(p.value, msstd("mail.contoso.com"));
}

#[test]
fn rpcping_command() {
    let p = parse("rpcping -t ncacn_http -s exch01 -o RpcProxy=mail.contoso.com -P \"user,contoso,*\" -I \"user,contoso,*\" -H 1 -u 10 -a connect -F 3 -v 3 -E -R none /B msstd:mail.contoso.com").unwrap();
    assert_eq!(p.form, Form::Rpcping);
    assert_eq!(p.value, msstd("mail.contoso.com"));
}

#[test]
fn kb_2710606_formatting_artefact() {
    let p = parse("msstd: mail.contoso.com").unwrap();
    assert_eq!(p.defects, vec![Defect::SpaceAfterPrefix]);
    assert_eq!(p.corrected.as_deref(), Some("msstd:mail.contoso.com"));
}

#[test]
fn every_defect_with_its_correction() {
    for (typed, defects, corrected) in [
        (
            "mail.contoso.com",
            vec![Defect::MissingPrefix],
            Some("msstd:mail.contoso.com"),
        ),
        (
            "MSSTD:mail.contoso.com",
            vec![Defect::UppercasePrefix],
            Some("msstd:mail.contoso.com"),
        ),
        (
            "Msstd: mail.contoso.com.",
            vec![Defect::UppercasePrefix, Defect::SpaceAfterPrefix, Defect::TrailingDot],
            Some("msstd:mail.contoso.com"),
        ),
        (
            "\"msstd:mail.contoso.com\"",
            vec![Defect::Quotes { typographic: false }],
            Some("msstd:mail.contoso.com"),
        ),
        (
            "\u{2018}msstd:mail.contoso.com\u{2019}",
            vec![Defect::Quotes { typographic: true }],
            Some("msstd:mail.contoso.com"),
        ),
        (
            "msstd mail.contoso.com",
            vec![Defect::MissingPrefix],
            Some("msstd:mail.contoso.com"),
        ),
        (
            "msstd:mail. contoso.com",
            vec![Defect::InvalidCharacters { characters: " ".into() }],
            Some("msstd:mail.contoso.com"),
        ),
        (
            "msstd:mail,contoso.com",
            vec![Defect::InvalidCharacters { characters: ",".into() }],
            None,
        ),
        (
            "\tmsstd:mail.contoso.com",
            vec![Defect::WhitespaceAround],
            Some("msstd:mail.contoso.com"),
        ),
    ] {
        let p = parse(typed).unwrap();
        assert_eq!(p.defects, defects, "{typed}");
        assert_eq!(p.corrected.as_deref(), corrected, "{typed}");
    }
}

#[test]
fn special_values() {
    assert_eq!(parse("none").unwrap().value, PrincipalValue::Disabled);
    assert_eq!(parse("None").unwrap().value, PrincipalValue::Disabled);
    assert_eq!(
        parse("fullsic:CN=mail.contoso.com, O=Contoso").unwrap().value,
        PrincipalValue::Fullsic {
            subject: "CN=mail.contoso.com, O=Contoso".into()
        }
    );
    let empty = parse("msstd:").unwrap();
    assert_eq!(empty.value, PrincipalValue::Unusable);
    assert_eq!(empty.defects, vec![Defect::Empty]);
}

#[test]
fn email_principal_is_accepted() {
    assert_eq!(
        parse("msstd:admin@contoso.com").unwrap().value,
        msstd("admin@contoso.com")
    );
}

/// The one line admins copy out of an Autodiscover response, indented or not.
#[test]
fn a_lone_autodiscover_element() {
    for text in [
        "<CertPrincipalName>msstd:mail.contoso.com</CertPrincipalName>",
        "        <CertPrincipalName>msstd:mail.contoso.com</CertPrincipalName>\r\n",
    ] {
        let p = parse(text).unwrap();
        assert_eq!(p.form, Form::AutodiscoverXml, "{text:?}");
        assert_eq!(p.value, msstd("mail.contoso.com"), "{text:?}");
        assert!(p.defects.is_empty(), "{text:?}: {:?}", p.defects);
    }
}

/// The principal inside prose, English and Italian: the token and what follows it, nothing
/// glued from the words around it, a sentence's full stop left out.
#[test]
fn the_value_inside_text_in_any_language() {
    for (text, name) in [
        // Remote Connectivity Analyzer's detail line.
        ("The certificate common name mail.contoso.com doesn't validate against the mutual authentication string that was provided: msstd:owa.contoso.com", "owa.contoso.com"),
        // Outlook's Exchange Proxy Settings, English and Italian.
        ("Only connect to proxy servers that have this principal name in their certificate: msstd:mail.contoso.com", "mail.contoso.com"),
        ("Connetti solo ai server proxy che hanno questo nome dell'entità nel certificato: msstd:mail.contoso.com", "mail.contoso.com"),
        ("Il nome comune del certificato mail.contoso.com non corrisponde alla stringa di autenticazione reciproca fornita: msstd:owa.contoso.com.", "owa.contoso.com"),
        // A log line, a token at the end of a line, inside quotes, after = and :.
        ("2026-11-30 09:12:01 RPC proxy principal=msstd:mail.contoso.com status=failed", "mail.contoso.com"),
        ("the value we set was\nmsstd:mail.contoso.com\nyesterday", "mail.contoso.com"),
        ("Outlook shows \"msstd:mail.contoso.com\" in the dialog", "mail.contoso.com"),
        ("Outlook mostra \u{201c}msstd:mail.contoso.com\u{201d} nella finestra", "mail.contoso.com"),
        ("CertPrincipalName=msstd:mail.contoso.com;Server=ex01", "mail.contoso.com"),
        ("principal: msstd:*.contoso.com (wildcard)", "*.contoso.com"),
    ] {
        let p = parse(text).unwrap();
        assert_eq!(p.form, Form::Text, "{text:?}");
        assert_eq!(p.value, msstd(name), "{text:?}");
        assert!(p.defects.is_empty(), "{text:?}: {:?}", p.defects);
        assert_eq!(p.corrected, None, "{text:?}");
        assert!(p.others.is_empty(), "{text:?}");
    }
}

/// A defect inside the token is still reported, and only that one.
#[test]
fn defects_inside_text_are_the_values_own() {
    let p = parse("KB 2710606 says to type msstd: mail.contoso.com in Outlook").unwrap();
    assert_eq!(p.form, Form::Text);
    assert_eq!(p.defects, vec![Defect::SpaceAfterPrefix]);
    assert_eq!(p.corrected.as_deref(), Some("msstd:mail.contoso.com"));
    let p = parse("we tried MSSTD:mail.contoso.com:443 first").unwrap();
    assert_eq!(p.defects, vec![Defect::UppercasePrefix, Defect::Port]);
    assert!(!p.defects.contains(&Defect::MissingPrefix));
}

/// Several different values: each is kept apart, the first is the verdict's.
#[test]
fn several_values_are_never_glued() {
    let p =
        parse("first msstd:mail.contoso.com, then msstd:owa.contoso.com, then MSSTD:MAIL.contoso.com again").unwrap();
    assert_eq!(p.form, Form::Text);
    assert_eq!(p.value, msstd("mail.contoso.com"));
    assert_eq!(p.others, vec!["msstd:owa.contoso.com".to_owned()]);
}

/// Prose without any token: no principal is found and none is made up.
#[test]
fn prose_without_a_value_is_not_a_value() {
    let p = parse("the certificate name does not match what Outlook expects").unwrap();
    assert_eq!(p.form, Form::Text);
    assert_eq!(p.value, PrincipalValue::Unusable);
    assert_eq!(p.defects, vec![Defect::NotFound]);
    assert_eq!(p.corrected, None);
    // Two words are still a value with a defect (a space), as before.
    assert_eq!(parse("mail contoso.com").unwrap().form, Form::Value);
}
