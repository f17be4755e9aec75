namespace Rpa.Host.PracticeApps;

/// <summary>Who may call a CRM route.</summary>
internal enum CrmAccess
{
    /// <summary>Anyone (login, style sheet, reset).</summary>
    Public,

    /// <summary>Signed-in users; others are redirected to the login page.</summary>
    Page,

    /// <summary>Signed-in users; others get 401.</summary>
    Api,
}
