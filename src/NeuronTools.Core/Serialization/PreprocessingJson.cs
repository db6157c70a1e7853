using System.Collections.Generic;

namespace NeuronTools;

/// <summary>
/// The "preprocessing" object of a model file (schema version 2): how the numeric columns were fitted, and
/// one entry per raw input column in order, numeric columns with their offset, scale and optional fill
/// value, categorical ones with their categories. Doubles are written as shortest round-trip text, so a
/// saved model reads back bit for bit.
/// </summary>
internal static class PreprocessingJson
{
    internal const string Field = "preprocessing";

    private static readonly string[] s_fields = { "scaling", "missingValue", "columns" };

    private static readonly string[] s_numericFields = { "name", "kind", "offset", "scale", "fillValue" };

    private static readonly string[] s_categoricalFields = { "name", "kind", "categories" };

    internal static JsonObject Write(InputPreprocessing preprocessing)
    {
        var columns = new List<JsonNode>();
        foreach (var column in preprocessing.Column)
        {
            var value = new JsonObject()
                .Add("name", new JsonString(column.Name))
                .Add("kind", new JsonString(column.Kind.ToString()));
            if (column.Kind == InputColumnKind.Numeric)
            {
                value.Add("offset", new JsonNumber(column.Offset)).Add("scale", new JsonNumber(column.Scale));
                if (column.FillValue is double fill)
                {
                    value.Add("fillValue", new JsonNumber(fill));
                }
            }
            else
            {
                value.Add("categories", ModelSerializer.StringArray(column.Category));
            }

            columns.Add(value);
        }

        return new JsonObject()
            .Add("scaling", new JsonString(preprocessing.Scaling.ToString()))
            .Add("missingValue", new JsonString(preprocessing.MissingValue.ToString()))
            .Add("columns", new JsonArray(columns));
    }

    /// <summary>Reads the "preprocessing" field of <paramref name="owner"/>, or null when the model has none.</summary>
    internal static InputPreprocessing? Read(ModelFieldReader fields, JsonObject owner, string ownerPath)
    {
        if (fields.Optional(owner, Field) is not { } node)
        {
            return null;
        }

        string path = ModelFieldReader.Member(ownerPath, Field);
        var value = fields.Object(node, path);
        fields.OnlyKnownFields(value, path, "the preprocessing", s_fields);
        var scaling = fields.EnumName<InputScaling>(value, path, "scaling");
        var missing = fields.EnumName<MissingValueHandling>(value, path, "missingValue");
        string columnsPath = ModelFieldReader.Member(path, "columns");
        var columnsNode = fields.Array(fields.Required(value, path, "columns"), columnsPath);
        if (columnsNode.Count == 0)
        {
            throw fields.Invalid(columnsPath, columnsNode, "is empty; preprocessing has one entry per input column.");
        }

        var columns = new InputColumn[columnsNode.Count];
        for (int i = 0; i < columns.Length; i++)
        {
            string columnPath = ModelFieldReader.Element(columnsPath, i);
            var column = fields.Object(columnsNode[i], columnPath);
            var kind = fields.EnumName<InputColumnKind>(column, columnPath, "kind");
            string name = fields.String(fields.Required(column, columnPath, "name"), ModelFieldReader.Member(columnPath, "name"));
            try
            {
                if (kind == InputColumnKind.Numeric)
                {
                    fields.OnlyKnownFields(column, columnPath, "a numeric column", s_numericFields);
                    double? fill = fields.Optional(column, "fillValue") is { } fillNode ? fields.FiniteNumber(fillNode, ModelFieldReader.Member(columnPath, "fillValue")) : null;
                    columns[i] = InputColumn.Numeric(name, fields.FiniteNumber(column, columnPath, "offset"), fields.FiniteNumber(column, columnPath, "scale"), fill);
                }
                else
                {
                    fields.OnlyKnownFields(column, columnPath, "a categorical column", s_categoricalFields);
                    string categoriesPath = ModelFieldReader.Member(columnPath, "categories");
                    var categories = fields.Array(fields.Required(column, columnPath, "categories"), categoriesPath);
                    var names = new string[categories.Count];
                    for (int k = 0; k < names.Length; k++)
                    {
                        names[k] = fields.String(categories[k], ModelFieldReader.Element(categoriesPath, k));
                    }

                    columns[i] = InputColumn.Categorical(name, names);
                }
            }
            catch (NeuronToolsException exception) when (exception.ErrorId != ErrorIds.InvalidModelFile)
            {
                throw fields.Invalid(columnPath, column, exception.Message);
            }
        }

        return new InputPreprocessing(columns, scaling, missing);
    }
}
