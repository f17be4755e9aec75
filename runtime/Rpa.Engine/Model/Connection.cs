namespace Rpa.Engine.Model;

/// <summary>In a flowchart: when activity <see cref="From"/> ends with <see cref="Outcome"/>, run <see cref="To"/>.</summary>
public sealed record Connection(string From, string Outcome, string To);
