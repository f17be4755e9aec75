namespace Rpa.Activities.Invoicing;

/// <summary>How the connection to the SMTP server is secured.</summary>
public enum SmtpSecurity
{
    /// <summary>TLS from the start on port 465, STARTTLS when the server offers it on other ports.</summary>
    Auto,

    /// <summary>Plain text; only for a server on this machine.</summary>
    None,

    /// <summary>Upgrade with STARTTLS (port 587); fails when the server does not offer it.</summary>
    StartTls,

    /// <summary>TLS from the start (port 465).</summary>
    Tls,
}
