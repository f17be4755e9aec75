using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using MiniExcelLibs;

namespace Rpa.Host.PracticeApps;

/// <summary>
/// The input-forms challenge's data: 10 rows of 7 columns, generated deterministically (no randomness, no clock),
/// so the served CSV, Excel and JSON are the same on every request and in every process.
/// </summary>
public static partial class ChallengeData
{
    /// <summary>The column headers, in file order; they are also the labels of the challenge form's fields.</summary>
    public static IReadOnlyList<string> Columns { get; } =
        ["First Name", "Last Name", "Company Name", "Role in Company", "Address", "Email", "Phone Number"];

    public static IReadOnlyList<ChallengeRow> Rows { get; } = Generate();

    private static readonly DateTimeOffset EntryTime = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly Lazy<byte[]> Xlsx = new(CreateXlsx);

    /// <summary>The rows as CSV: a header line, comma-separated, fields quoted only when they must be, '\n' line ends, UTF-8 without BOM.</summary>
    public static string ToCsv()
    {
        var csv = new StringBuilder();
        csv.Append(string.Join(',', Columns.Select(Quote))).Append('\n');
        foreach (var row in Rows) csv.Append(string.Join(',', row.Values.Select(Quote))).Append('\n');
        return csv.ToString();
    }

    /// <summary>The rows as an Excel workbook (one sheet "Data", a header row, every value a text cell).</summary>
    public static byte[] ToXlsx() => Xlsx.Value;

    /// <summary>The rows as a JSON array of objects keyed by the column headers (what the challenge page checks against).</summary>
    public static string ToJson() => JsonSerializer.Serialize(AsDictionaries());

    private static List<Dictionary<string, object>> AsDictionaries() =>
        Rows.Select(row => Columns.Zip(row.Values).ToDictionary(p => p.First, p => (object)p.Second)).ToList();

    private static byte[] CreateXlsx()
    {
        using var workbook = new MemoryStream();
        MiniExcel.SaveAs(workbook, AsDictionaries(), printHeader: true, sheetName: "Data", excelType: ExcelType.XLSX);
        return Stable(workbook.ToArray());
    }

    /// <summary>
    /// MiniExcel stamps the zip entries with the current time and names relationships with new GUIDs ("R" + 32 hex digits);
    /// a fixed time and numbered ids make the workbook the same byte for byte in every process.
    /// </summary>
    private static byte[] Stable(byte[] xlsx)
    {
        using var source = new ZipArchive(new MemoryStream(xlsx), ZipArchiveMode.Read);
        var parts = source.Entries.Select(e =>
        {
            using var content = e.Open();
            using var copy = new MemoryStream();
            content.CopyTo(copy);
            return (e.FullName, Text: Encoding.Latin1.GetString(copy.ToArray()));
        }).ToList();

        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (_, text) in parts)
        {
            foreach (Match id in RelationshipId().Matches(text)) ids.TryAdd(id.Value, "rId" + (ids.Count + 1).ToString(CultureInfo.InvariantCulture));
        }

        using var stable = new MemoryStream();
        using (var target = new ZipArchive(stable, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in parts)
            {
                var entry = target.CreateEntry(name, CompressionLevel.Optimal);
                entry.LastWriteTime = EntryTime;
                using var to = entry.Open();
                to.Write(Encoding.Latin1.GetBytes(RelationshipId().Replace(text, m => ids[m.Value])));
            }
        }

        return stable.ToArray();
    }

    private static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    private static List<ChallengeRow> Generate()
    {
        string[] first = ["John", "Jane", "Albert", "Sarah", "Martin", "Emma", "Oliver", "Sophie", "Daniel", "Laura"];
        string[] last = ["Smith", "Dorsey", "Kipling", "Robertson", "Derrick", "Marlowe", "Sanchez", "Patel", "Murphy", "Schmidt"];
        string[] companies =
        [
            "IT Solutions", "MediaCorp", "Globex Logistics", "Northwind Traders", "Blue Harbor Bank",
            "Greenfield Farms", "Apex Engineering", "Silverline Health", "Redwood Insurance", "Brightside Energy",
        ];
        string[] roles =
        [
            "Analyst", "Medical Engineer", "Accountant", "Sales Manager", "Software Developer",
            "Project Manager", "Office Administrator", "Marketing Lead", "HR Specialist", "Logistics Coordinator",
        ];
        string[] streets =
        [
            "Baker Street", "North Road", "Elm Avenue", "Harbour Lane", "Station Road",
            "Church Street", "Mill Lane", "Park Avenue", "High Street", "Kings Road",
        ];

        var rows = new List<ChallengeRow>(10);
        for (var i = 0; i < 10; i++)
        {
            var firstName = first[i];
            var lastName = last[i * 3 % 10];
            var company = companies[i * 7 % 10];
            var domain = company.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant() + ".com";
            rows.Add(new ChallengeRow(
                firstName,
                lastName,
                company,
                roles[(i * 3 + 1) % 10],
                $"{(i * 37 + 12) % 200 + 1} {streets[i * 9 % 10]}",
                $"{firstName[0]}{lastName}@{domain}".ToLowerInvariant(),
                $"{407 + i * 13}{(i * 2_654_435 + 1_234_567) % 10_000_000:D7}"));
        }

        return rows;
    }

    [GeneratedRegex("\\bR[0-9a-f]{32}\\b")]
    private static partial Regex RelationshipId();
}
