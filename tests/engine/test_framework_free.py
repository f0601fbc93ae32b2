import subprocess
import sys


def test_importing_the_engine_loads_no_django():
    code = (
        "import sys, partnerup.engine, partnerup.engine.repair, partnerup.engine.rotate; "
        "print(any(m == 'django' or m.startswith('django.') for m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"
