#include "controls/parameter_form.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpressionValidator>
#include <QSpinBox>

#include <algorithm>
#include <cmath>
#include <limits>

namespace parlab::gui {

namespace {

// Enough decimals to show the default and the minimum exactly (0.001 s needs three).
int decimals_for(const ParameterSpec& spec)
{
    int decimals = 2;
    for (double value : {spec.min, std::strtod(spec.default_value.c_str(), nullptr)}) {
        for (int d = 0; d <= 6; ++d) {
            const double scaled = value * std::pow(10.0, d);
            if (std::abs(scaled - std::round(scaled)) < 1e-9) {
                decimals = std::max(decimals, d);
                break;
            }
        }
    }
    return decimals;
}

bool fits_int(const ParameterSpec& spec)
{
    return spec.min >= std::numeric_limits<int>::min() && spec.max <= std::numeric_limits<int>::max();
}

} // namespace

ParameterForm::ParameterForm(QWidget* parent) : QWidget(parent), m_layout(new QFormLayout(this))
{
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
}

void ParameterForm::setSpecs(const std::vector<ParameterSpec>& specs)
{
    while (m_layout->rowCount() > 0)
        m_layout->removeRow(0);
    m_rows.clear();
    for (const auto& spec : specs) {
        Row row{spec, makeControl(spec), new QLabel(this)};
        const QString tip = QString::fromStdString(spec.help + "\nAllowed: " + spec.range_text());
        row.control->setToolTip(tip);
        row.control->setObjectName(QString::fromStdString("param_" + spec.name));
        row.error->setObjectName(QString::fromStdString("param_" + spec.name + "_error"));
        row.error->setWordWrap(true);
        row.error->setStyleSheet(QStringLiteral("color: #D55E00; font-weight: bold;"));
        row.error->hide();
        auto* label = new QLabel(QString::fromStdString(spec.name), this);
        label->setToolTip(tip);
        m_layout->addRow(label, row.control);
        m_layout->addRow(row.error);
        setText(row, QString::fromStdString(spec.default_value));
        m_rows.push_back(row);
    }
}

QWidget* ParameterForm::makeControl(const ParameterSpec& spec)
{
    switch (spec.kind) {
    case ParameterKind::Integer:
        if (fits_int(spec)) {
            auto* box = new QSpinBox(this);
            box->setRange(static_cast<int>(spec.min), static_cast<int>(spec.max));
            box->setGroupSeparatorShown(true);
            connect(box, &QSpinBox::valueChanged, this, &ParameterForm::edited);
            return box;
        } else {
            auto* edit = new QLineEdit(this);
            edit->setValidator(
                new QRegularExpressionValidator(QRegularExpression(QStringLiteral("-?[0-9]+")), edit));
            connect(edit, &QLineEdit::textEdited, this, &ParameterForm::edited);
            return edit;
        }
    case ParameterKind::Real: {
        auto* box = new QDoubleSpinBox(this);
        box->setDecimals(decimals_for(spec));
        box->setRange(spec.min, spec.max);
        box->setStepType(QAbstractSpinBox::AdaptiveDecimalStepType);
        connect(box, &QDoubleSpinBox::valueChanged, this, &ParameterForm::edited);
        return box;
    }
    case ParameterKind::Choice: {
        auto* combo = new QComboBox(this);
        for (const auto& choice : spec.choices)
            combo->addItem(QString::fromStdString(choice));
        connect(combo, &QComboBox::currentIndexChanged, this, &ParameterForm::edited);
        return combo;
    }
    case ParameterKind::RealList: break;
    }
    auto* edit = new QLineEdit(this);
    edit->setPlaceholderText(QStringLiteral("comma-separated numbers"));
    connect(edit, &QLineEdit::textEdited, this, &ParameterForm::edited);
    return edit;
}

QString ParameterForm::text(const Row& row)
{
    if (auto* spin = qobject_cast<QSpinBox*>(row.control))
        return QString::number(spin->value());
    if (auto* real = qobject_cast<QDoubleSpinBox*>(row.control))
        return QString::number(real->value(), 'g', 12);
    if (auto* combo = qobject_cast<QComboBox*>(row.control))
        return combo->currentText();
    return qobject_cast<QLineEdit*>(row.control)->text().trimmed();
}

void ParameterForm::setText(const Row& row, const QString& value)
{
    if (auto* spin = qobject_cast<QSpinBox*>(row.control))
        spin->setValue(value.toInt());
    else if (auto* real = qobject_cast<QDoubleSpinBox*>(row.control))
        real->setValue(value.toDouble());
    else if (auto* combo = qobject_cast<QComboBox*>(row.control))
        combo->setCurrentText(value);
    else
        qobject_cast<QLineEdit*>(row.control)->setText(value);
}

ParameterValues ParameterForm::values() const
{
    ParameterValues result;
    for (const auto& row : m_rows)
        result[row.spec.name] = text(row).toStdString();
    return result;
}

void ParameterForm::setValues(const ParameterValues& values)
{
    for (const auto& row : m_rows) {
        if (auto it = values.find(row.spec.name); it != values.end())
            setText(row, QString::fromStdString(it->second));
    }
}

bool ParameterForm::showError(const std::string& name, const QString& message)
{
    for (const auto& row : m_rows) {
        if (row.spec.name == name) {
            row.error->setText(message);
            row.error->show();
            return true;
        }
    }
    return false;
}

bool ParameterForm::showErrorNamed(const QString& message)
{
    // The core names the parameter in its message; the longest matching name wins ("n" is in
    // most words, "images" should not be mistaken for it).
    const Row* best = nullptr;
    for (const auto& row : m_rows) {
        const QString name = QString::fromStdString(row.spec.name);
        const QRegularExpression word(QStringLiteral("\\b%1\\b").arg(QRegularExpression::escape(name)));
        if (message.contains(word) && (!best || row.spec.name.size() > best->spec.name.size()))
            best = &row;
    }
    if (!best)
        return false;
    best->error->setText(message);
    best->error->show();
    return true;
}

void ParameterForm::clearErrors()
{
    for (const auto& row : m_rows)
        row.error->hide();
}

} // namespace parlab::gui
