using System;
using System.Globalization;
using System.IO;
using System.Text;
using System.Xml;

namespace NeuronTools.Rendering;

/// <summary>
/// Writes a standalone SVG document (UTF-8, one root svg element with a title and a white background),
/// the one way charts and figures are written: elements, groups, text and hover titles, numbers in
/// invariant text rounded to hundredths of a pixel.
/// </summary>
internal sealed class SvgDocument : IDisposable
{
    internal const string Namespace = "http://www.w3.org/2000/svg";
    private readonly StringBuilder _text = new();
    private readonly XmlWriter _writer;
    private bool _finished;

    internal SvgDocument(double width, double height, string title)
    {
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), OmitXmlDeclaration = false };
        _writer = XmlWriter.Create(new StringWriterWithEncoding(_text), settings);
        _writer.WriteStartDocument();
        _writer.WriteStartElement("svg", Namespace);
        Attributes(("width", N(width)), ("height", N(height)), ("viewBox", "0 0 " + N(width) + " " + N(height)), ("font-family", "sans-serif"), ("font-size", "12"));
        _writer.WriteElementString("title", Namespace, title);
        Element("rect", ("width", "100%"), ("height", "100%"), ("fill", "white"));
    }

    /// <summary>A pixel coordinate or size as SVG text: invariant, at most two decimals.</summary>
    internal static string N(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    internal void Start(string name, params (string Name, string Value)[] attributes)
    {
        _writer.WriteStartElement(name, Namespace);
        Attributes(attributes);
    }

    internal void End() => _writer.WriteEndElement();

    internal void Element(string name, params (string Name, string Value)[] attributes)
    {
        Start(name, attributes);
        End();
    }

    /// <summary>An element with a title child, which browsers show on hover.</summary>
    internal void ElementWithTitle(string name, string title, params (string Name, string Value)[] attributes)
    {
        Start(name, attributes);
        Title(title);
        End();
    }

    internal void Title(string title) => _writer.WriteElementString("title", Namespace, title);

    internal void Text(string content, double x, double y, string anchor, params (string Name, string Value)[] extra)
    {
        Start("text", ("x", N(x)), ("y", N(y)), ("text-anchor", anchor));
        Attributes(extra);
        _writer.WriteString(content);
        End();
    }

    internal void Attributes(params (string Name, string Value)[] attributes)
    {
        foreach (var (name, value) in attributes)
        {
            _writer.WriteAttributeString(name, value);
        }
    }

    /// <summary>Closes the document and returns its text.</summary>
    internal string Finish()
    {
        if (!_finished)
        {
            _writer.WriteEndElement();
            _writer.WriteEndDocument();
            _writer.Flush();
            _finished = true;
        }

        return _text.ToString();
    }

    public void Dispose() => _writer.Dispose();

    /// <summary>A StringWriter that declares UTF-8 in the XML declaration, since the file is written as UTF-8.</summary>
    private sealed class StringWriterWithEncoding : StringWriter
    {
        internal StringWriterWithEncoding(StringBuilder builder)
            : base(builder, CultureInfo.InvariantCulture)
        {
        }

        public override Encoding Encoding => new UTF8Encoding(false);
    }
}
