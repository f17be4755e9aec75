namespace Rpa.Activities; public static class Placeholder {}
