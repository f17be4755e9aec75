using System.Globalization;
using System.Net;
using System.Text;

namespace Rpa.Host.PracticeApps;

/// <summary>The CRM's server-rendered HTML pages. Every link and form action is absolute from the CRM's base path.</summary>
internal static class CrmPages
{
    public static string Login(string crm, string user, string? error) => Layout("Sign in", crm, signedIn: false, $"""
        <main class="narrow">
          <h1>Sign in</h1>
          <p class="hint">Practice CRM: sign in to manage customers.</p>
          {ErrorBox(error is null ? [] : [error])}
          <form method="post" action="{E(crm)}/login" class="form" novalidate>
            <div class="field">
              <label for="username">Username</label>
              <input id="username" name="username" type="text" autocomplete="username" value="{E(user)}">
            </div>
            <div class="field">
              <label for="password">Password</label>
              <input id="password" name="password" type="password" autocomplete="current-password">
            </div>
            <div class="actions"><button type="submit" class="primary">Sign in</button></div>
          </form>
        </main>
        """);

    public static string Customers(string crm, IReadOnlyList<CrmCustomer> customers)
    {
        var rows = new StringBuilder();
        foreach (var c in customers)
        {
            rows.Append(CultureInfo.InvariantCulture, $"""
                      <tr data-id="{E(c.Id)}"><td>{E(c.Id)}</td><td>{E(c.Name)}</td><td>{E(c.Email)}</td><td>{E(c.Phone)}</td><td>{E(c.Company)}</td><td>{E(c.Country)}</td><td>{E(CreatedText(c))}</td></tr>

                """);
        }

        var empty = customers.Count == 0 ? """<p class="hint" data-testid="empty">No customers yet.</p>""" : "";
        return Layout("Customers", crm, signedIn: true, $"""
            <main>
              <div class="title-row">
                <h1>Customers</h1>
                <a class="button primary" href="{E(crm)}/customers/new" data-testid="new-customer">New customer</a>
              </div>
              <table id="customers" data-testid="customers">
                <thead>
                  <tr><th scope="col">Id</th><th scope="col">Name</th><th scope="col">Email</th><th scope="col">Phone</th><th scope="col">Company</th><th scope="col">Country</th><th scope="col">Created</th></tr>
                </thead>
                <tbody>
            {rows}    </tbody>
              </table>
              {empty}
            </main>
            """);
    }

    public static string NewCustomer(string crm, CrmCustomerForm form, IReadOnlyList<string> errors)
    {
        var options = new StringBuilder();
        options.Append("""<option value="">Choose a country…</option>""");
        foreach (var country in CrmCustomerForm.Countries)
        {
            var selected = country == form.Country ? " selected" : "";
            options.Append(CultureInfo.InvariantCulture, $"""<option value="{E(country)}"{selected}>{E(country)}</option>""");
        }

        return Layout("New customer", crm, signedIn: true, $"""
            <main class="narrow">
              <h1>New customer</h1>
              {ErrorBox(errors)}
              <form method="post" action="{E(crm)}/customers/new" class="form" id="customer-form" novalidate>
                {Field("name", "Name", "text", form.Name, errors, "Name", "autocomplete=\"off\"")}
                {Field("email", "Email", "text", form.Email, errors, "Email", "inputmode=\"email\" autocomplete=\"off\"")}
                {Field("phone", "Phone", "tel", form.Phone, errors, "Phone", "autocomplete=\"off\"")}
                {Field("company", "Company", "text", form.Company, errors, "Company", "autocomplete=\"off\"")}
                <div class="field">
                  <label for="country">Country</label>
                  <select id="country" name="country"{Invalid(errors, "Country")}>{options}</select>
                </div>
                <div class="actions">
                  <button type="submit" class="primary" data-testid="save">Save</button>
                  <a href="{E(crm)}/customers">Cancel</a>
                </div>
              </form>
            </main>
            """);
    }

    public static string Created(string crm, CrmCustomer customer) => Layout("Customer created", crm, signedIn: true, $"""
        <main class="narrow">
          <h1>Customer created</h1>
          <p class="confirmation" role="status" data-testid="confirmation" data-id="{E(customer.Id)}">Customer {E(customer.Id)} created.</p>
          <p><a href="{E(crm)}/customers" data-testid="back">Back to customers</a> · <a href="{E(crm)}/customers/new">Add another customer</a></p>
        </main>
        """);

    /// <summary>The Created column: UTC, minutes, ISO-like ("2026-11-26 14:05").</summary>
    public static string CreatedText(CrmCustomer customer) => customer.Created.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static string Layout(string title, string crm, bool signedIn, string body)
    {
        var account = signedIn
            ? $"""<form method="post" action="{E(crm)}/logout" class="signout"><button type="submit">Sign out</button></form>"""
            : "";
        return $"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>{E(title)} · Practice CRM</title>
              <link rel="stylesheet" href="{E(crm)}/assets/crm.css">
            </head>
            <body>
              <header class="top">
                <a class="brand" href="{E(crm)}/customers">Practice CRM</a>
                {account}
              </header>
            {body}
            </body>
            </html>

            """;
    }

    private static string Field(string id, string label, string type, string value, IReadOnlyList<string> errors, string prefix, string extra) => $"""
        <div class="field">
                  <label for="{id}">{E(label)}</label>
                  <input id="{id}" name="{id}" type="{type}" value="{E(value)}" {extra}{Invalid(errors, prefix)}>
                </div>
        """;

    private static string Invalid(IReadOnlyList<string> errors, string prefix) =>
        errors.Any(e => e.StartsWith(prefix, StringComparison.Ordinal)) ? " aria-invalid=\"true\"" : "";

    private static string ErrorBox(IReadOnlyList<string> errors) => errors.Count == 0
        ? ""
        : $"""<div class="error" role="alert" data-testid="error">{string.Concat(errors.Select(e => $"<p>{E(e)}</p>"))}</div>""";

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
